"""Whether generated output reaches the screen: final, marketing and temporary wording, work people make by hand, and where output goes."""

from __future__ import annotations

import re

from triage.extract.lexical.lexicon import rx

# --- Final cut or temporary ----------------------------------------------------------------------------------
FINAL_YES = rx(
    r"final (?:cut|version|edit|mix|deliverables?|film|episode|picture|show|series|master|frames?|shots?|product|"
    r"release|render|comp|composite|soundtrack|score)",
    r"in the (?:finished|released|delivered|locked) (?:film|episode|show|series|cut|picture)",
    r"(?:in der|im) (?:fertigen|finalen|endgültigen|gesendeten|ausgestrahlten) (?:folge|fassung|episode|sendung|film|"
    r"schnitt) (?:erscheint|erscheinen|ist|sind|bleibt|bleiben|läuft|laufen|landet|landen|sieht man)|"
    r"(?:läuft|laufen|erscheint|erscheinen) (?:\w+ ){0,2}(?:im|in der) (?:fertigen|finalen|endgültigen|gesendeten) "
    r"(?:film|folge|fassung|episode|sendung)|en el (?:episodio|capítulo|montaje) (?:terminado|emitido)|dans l'épisode (?:fini|diffusé|terminé)|"
    r"no (?:episódio|capítulo) (?:finalizado|exibido|pronto)",
    r"(?:in|into|over|during) the (?:final|last|opening|closing|climactic) (?:scene|shot|sequence|act|episode|minutes)",
    r"(?:main|opening|end) titles|theme song",
    r"(?:the )?version (?:we|that) (?:hand|deliver|send|give)|(?:what|everything) (?:\w+ ){0,2}(?:subscribers|viewers|"
    r"audiences?) (?:will )?(?:see|watch|hear)",
    r"on[- ]screen(?! (?:[\"“'‘][^\"”'’]{0,24}[\"”'’] )?(?:watermarks?|labels?|burn-?ins?|slates?|disclaimers?|cards?))",
    r"on camera(?! (?:angles?|positions?|moves?|placements?|blocking|setups?))",
    r"in (?:the )?(?:picture|frame)",
    r"(?:will|to) (?:air|be broadcast|stream|ship|be delivered|be released)",
    r"deliverables?",
    r"(?:will|to) be delivered",
    r"(?:audience|viewers?) (?:will )?(?:see|hear|sees|hears)",
    r"in(?:to)? the (?:episode|film|movie|show|series|documentary|doc|trailer|opening|credits|title sequence)s?",
    r"(?:near|in|into|from) the (?:cut|edit(?! (?:suite|bay|room|system|software|station|machine))|picture)",
    r"(?:end|opening|closing)[- ]credits?",
    r"(?:holds?|holding|held) (?:it |them |\w+ )?up to (?:the )?camera|(?:in|for) the final episodes?",
    r"in(?:to)? the final(?=\s*(?:[.,;:!?)]|$|and |too |as well))",
    r"final (?:ai |generated |cg |cgi )?(?:renders?|comps?|composites?|plates?)",
    r"final (?:[\w-]+ ){0,2}masters?|m[áa]ster final|master définitif|endmaster|master final",
    r"(?:is |are |be |gets? )?used in (?:the |any |our )?(?:spots?|promos?|trailers?|teasers?|ads?|adverts?|commercials?|"
    r"campaign|film|show|episodes?|cut|edit)\b",
    r"(?:become|becomes|became|turn into|turns into|used as|use them as|as) (?:the |our )?(?:final|approved)(?= )(?! say| decision| call)",
    r"print(?:ed|ing)? (?:\w+ ){0,3}as (?:an? |the )?(?:props?|set dressing)|als requisite|(?:comme|en) accessoires? de jeu|"
    r"como (?:utilería|atrezzo|objetos? de cena|adereços?)",
    r"(?:gets?|get|are|is|will be|to be) (?:then )?(?:shot|filmed) (?:as (?:is|written)|like that|that way|word for word)|"
    r"(?:wird|werden) (?:dann |danach )?(?:genau )?so gedreht|se (?:rodarán|rodará|grabarán|grabará) (?:así|tal cual)|"
    r"(?:seront|sera) (?:ensuite )?tournée?s? (?:telles? quelles?|tel quel|comme ça|ainsi)|"
    r"(?:serão|será) (?:gravad|filmad)[oa]s? (?:assim|desse jeito|como (?:está|estão))",
    r"(?:posted|post|posting|published|shared|run|running|goes out|go out|diffusé(?:e|s|es)?|publicad[oa]s?|laufen|läuft|"
    r"postons|publions|publicamos|postamos|postear|postar|posten|postet|gepostet|veröffentlicht) (?:\w+ ){0,2}(?:on|sur|en|em|no|na|nas|nos|auf) (?:instagram|tiktok|youtube|facebook|x|twitter|social media|"
    r"les réseaux sociaux|redes sociales|redes sociais|sozialen medien)",
    r"use (?:it |them |these |those )?as-is",
    r"(?:se )?usa(?:n|r)? tal cual|utilisée?s? tel(?:le)?s? quel(?:le)?s?|usad[oa]s? (?:como está|do jeito que está)|"
    r"(?:garde|gardons|garder|gardera) (?:\w+ ){0,3}tel quel|"
    r"(?:so|unverändert) (?:übernommen|verwendet)",
    r"(?:published|public|released) (?:assets?|materials?|versions?)",
    r"(?:get|gets|getting|put|puts|putting|drop|drops|dropping|slot|slotting|insert|inserting) (?:\w+ ){0,3}(?:in|into) "
    r"(?:the |our )?(?:next |final |locked |fine |online )(?:cut|edit|episode|film|conform)",
    # printed art is delivered art: "going to print 2nd week of march", "va a imprenta", "geht in Druck"
    r"(?:going|goes|go|sent|sending|send|ready|off) to (?:the )?print(?:ers?)?|(?:va|van) a (?:la )?imprenta|"
    r"part(?:ent)? à l'impression|(?:vai|vão) para (?:a )?(?:gráfica|impressão)|(?:geht|gehen) in (?:den )?druck",
    r"produto final|producto final|produit final|endprodukt",
    r"(?:go|goes|going|end up|ends up|make it|makes it|land|lands|cut|cuts) (?:straight |directly |right )?(?:in|into|on) "
    r"(?:the |any |our )?(?:film|episode|show|series|cut|final|doc|documentary|deliverables?|broadcast|master|mix|frames?)",
    r"background of (?:the |a |several |some |most |many |all |every |each |basically |almost |nearly )*(?:[\w+&/-]+ ){0,3}"
    r"(?:scene|shot|frame|episode)s?",
    r"(?:en el |al )?fondo de (?:\w+ ){0,4}(?:planos?|escenas?|episodios?|capítulos?)|"
    r"(?:à l'|en )arrière-plan (?:de |d')(?:\w+ ){0,4}(?:plans?|scènes?|épisodes?)|"
    r"(?:visibles?|vus?|vues?) (?:en |à l')arrière-plan|(?:visible|visibles|se ve|se verá|aparece) (?:al |en el )?fondo|"
    r"(?:visível|visíveis|aparece) (?:ao |no )fundo|im hintergrund (?:zu sehen|sichtbar)|"
    r"im hintergrund (?:\w+ ){0,4}(?:szenen?|einstellungen|folgen?|bilder)|"
    r"(?:ao |no )fundo d[eoa]s? (?:\w+ ){0,4}(?:planos?|cenas?|episódios?)",
    r"(?:end up |ending up )?keep(?:ing)? (?:some|a few|one or two|any|it|them|these|those|the best)"
    # "we're keeping it generic" says how, not where
    r"(?! (?:generic|simple|short|internal|vague|tight|light|clean|anonymous|low-?key|brief|offline|local|private|"
    r"separate|confidential|rough|loose))",
    r"end(?:s)? up (?:in|on|using)",
    r"(?:set dressing|signage|signs|newspapers?|news clippings?|posters?|documents?) (?:seen|visible|in shot|on set)",
    # set dressing made for an episode or a scene is in shot: "the background signs for episode 3"
    r"(?:background |on-set |set )?(?:signs?|signage|posters?|billboards?|newspapers?|set dressing|props?|graffiti|"
    r"murals?|paintings?|title cards?|end cards?|lower[- ]thirds?|chyrons?) for (?:the |an? |our )?(?:episodes?|ep\.?|scenes?|"
    r"shots?|set|sets|film|show|series|sc\.?)\b",
    r"(?:the )?version (?:that )?(?:goes|going|is uploaded|uploaded|is delivered|delivered|sent) (?:up )?(?:on|to) "
    r"(?:the )?(?:platform|streamer|network|broadcaster|service)",
    r"versi[óo]n (?:que )?(?:sube|va|se sube|se entrega|se emite|sale|llega) (?:a|en) (?:la )?plataforma|"
    r"(?:quedan?|van|entran|aparecen) en (?:la versión|el (?:corte|montaje))(?: final)?|"
    r"(?:meter|integrar|incorporar|poner)(?:l[oa]s?)? (?:\w+ ){0,2}en el montaje",
    r"version (?:qui (?:part|va|est livrée)|livrée|diffusée) (?:à|sur) la plateforme|"
    r"(?:intégr|insér)\w* (?:\w+ ){0,2}(?:au|dans le) montage",
    r"vers[ãa]o que (?:vai|sobe|é entregue|segue) (?:para|à|na) (?:a )?plataforma|(?:ficam?|entram?|vão) na versão|"
    r"(?:integr|inser|coloc)\w* (?:\w+ ){0,2}na montagem",
    r"fassung,? die (?:auf die|an die|zur) (?:plattform|streamer|sender)|in den schnitt (?:einbauen|einfügen|übernehmen)",
    r"corte final|versión final|montaje final|en pantalla|en el (?:episodio|tráiler|trailer)",
    # the episode's opening: "na abertura do episódio", "en la apertura del episodio", "dans l'ouverture de l'épisode"
    r"(?:na|en la|dans l'|in der|in the) (?:abertura|apertura|ouverture|eröffnung|opening|intro) (?:d[oe]l? |de l'|der )?"
    r"(?:episódio|episodio|épisode|folge|episode)",
    # the adjective after the noun: "los fotogramas finales", "os episódios finais", "les plans finaux"
    r"(?:fotogramas|episodios|capítulos|planos|tomas|imágenes|escenas|renders|episódios|imagens|cenas|quadros|plans|"
    r"images|épisodes|scènes|rendus) (?:finales|finais|finaux)|finale[nr]? (?:folgen?|bilder|einstellungen|frames|mischung|fassung)",
    # an episode by its place: "no terceiro episódio", "en el tercer episodio", "in der dritten Folge"
    r"(?:in|into) the (?:first|second|third|fourth|fifth|sixth|next|last|pilot|same|\d+(?:st|nd|rd|th)) episodes?|"
    r"(?:en el|al) (?:primer|segundo|tercer|cuarto|quinto|sexto|último|próximo) (?:episodio|capítulo)|"
    r"(?:no|ao) (?:primeiro|segundo|terceiro|quarto|quinto|sexto|último|próximo) (?:episódio|capítulo)|"
    r"dans le (?:premier|deuxième|second|troisième|quatrième|cinquième|sixième|dernier|prochain) épisode|"
    r"in (?:der|die) (?:ersten|zweiten|dritten|vierten|fünften|sechsten|letzten|nächsten) folge",
    # a deliverable named as such, as "deliverables" is: "Entregable: episodios finales"
    r"entregables?|livrables?|entregáve(?:l|is)",
    r"montage final|version finale|à l'écran|dans (?:le|l')(?:épisode|film|bande-annonce)",
    r"corte final|versão final|na tela|no (?:episódio|filme|trailer)",
    r"(?:end|final)schnitt|finale[nr]? (?:fassung|version|schnitt)|im (?:film|bild|trailer)|auf dem bildschirm",
    # where the output is seen: "in every establishing shot", "así va a salir en los episodios", "ce qui sera dans
    # les plans d'ensemble de chaque épisode", "die Hintergründe für alle 10 Folgen", "nos episódios". Not "the
    # final backgrounds": that is as often said of what people make by hand.
    r"in (?:every|each|all(?: the)?) (?:[\w-]+ )?(?:shots?|episodes?)",
    r"(?:va|van|vaya|vayan) a (?:salir|aparecer) en|(?:saldrán?|aparecerán?) en|en (?:los|todos los) "
    r"(?:episodios|capítulos)",
    r"(?:sera|seront) dans (?:les|le|chaque)|dans (?:chaque|tous les) épisodes?|plans d'ensemble",
    r"(?:für|in) alle[n]? (?:[\w-]+ )?folgen|in jeder folge|ausgestrahlt|auf sendung",
    r"(?:glisser|mettre|placer|monter|intégrer)\w* (?:\w+ ){0,3}dans le montage|dans les épisodes|plans? définitifs?|"
    r"version définitive|(?:est|sera|seront|serait|seraient) diffusée?s?|partent au compositing|"
    r"prêts? pour le compositing|(?:ce sont|c'est) les \w+ définiti(?:fs|ves)",
    r"(?:planos|tomas|imágenes) definitiv[oa]s|versión definitiva|(?:sale|saldrá) al aire|se emitir(?:á|ía)n?|"
    r"irían? en los planos|lo que se publica|"
    r"se publica(?:rá|n)? en (?:vía pública|redes|la calle|instagram)",
    r"vai ao ar|vão ao ar|(?:vai|vão) (?:direto |direto )?(?:pro|para o) ar|(?:pro|para o|no) episódio que vai ao ar|"
    r"versão definitiva|planos definitivos|"
    r"prontos para (?:a )?composição|listos para (?:la )?composición|ready for comp(?:ositing)?",
    r"endgültige[n]? (?:fassung|einstellungen|bilder|shots)",
    r"(?:for|in) (?:the )?final delivery|delivered as finals?|(?:on|onto) the (?:led|volume) wall|"
    r"in[- ]camera(?! (?:moves?|angles?|positions?|placements?|paths?|setups?|blocking))|"
    r"(?:for|on|during) the actual shoot",
    r"(?:vai|vão) (?:aparecer|sair|entrar) (?:em|n)|nos episódios|em todos os episódios",
    # "nichts davon kommt in den Film": denied, it lowers; said, it is final
    r"(?:kommt|kommen|landet|landen|geht|gehen) (?:\w+ ){0,2}in (?:den film|die folge|die sendung|den schnitt|die serie)|"
    r"(?:kommt|kommen|landet|landen|erscheint|erscheinen|bleibt|bleiben) (?:\w+ ){0,2}(?:im|in der) (?:fertigen |finalen |"
    r"endgültigen |gesendeten )?(?:film|folge|sendung|schnitt|serie|episode)|"
    r"(?:kommt|kommen|gelangt|gelangen) (?:\w+ )?ans set|(?:goes|go|makes it|make it|gets|get) (?:on|onto|to) (?:the )?set|"
    r"(?:va|vont|arrive|arrivent) sur le plateau|(?:llega|llegan) al set|(?:chega|chegam|vai|vão) ao set|"
    r"(?:va|vont|finit|finissent|entre|entrent) dans le film|(?:entra|entran|va|van|acaba|acaban) en la película|"
    r"(?:entra|entram|vai|vão|acaba|acabam) no filme",
)
# Marketing deliverables count as final unless the use is only ideation, pitch, previs or temp.
FINAL_MARKETING = rx(
    r"(?:trailer(?! (?:team|house|editors?|department|dept|producers?|company|vendors?|music))|teaser|key art|one-?sheet|"
    r"poster|billboard|social (?:media )?(?:ads?|posts?|campaign|assets?)|"
    r"marketing (?:campaign|materials?|assets?|deliverables?)|promo|press (?:kit|materials?))s?",
    r"tráiler|bande-annonce|affiche|cartel|cartaz|plakat",
)
# Work people do by hand: a sentence that says so, with no AI cue, adds no facts to the AI use beside it.
HUMAN_MADE = rx(
    r"(?:illustrated|drawn|painted|designed|written|composed|shot|built|sculpted|made|created|performed|recorded|"
    r"photographed|hand-drawn|hand-painted|cut|edited|keyframed|animated|graded|mixed|redrawn|rebuilt) "
    r"(?:[\w'’-]+ ){0,2}(?:by (?:hand|our|the|a|an|human|real|professional)|"
    r"practically|from scratch|in-camera|for real|separately)",
    r"(?:fotografiad|filmad|rodad|grabad|dibujad|pintad|fotografad|desenhad)[oa]s? (?:\w+ ){0,2}(?:de verdad|en real|a mano|"
    r"de verdade|à mão|do zero|desde cero|por (?:nuestr|noss)[oa]s?)|"
    r"(?:pinta|pintan|dibuja|dibujan|ruedan?|graban?|fotografían?|pintam|desenham?|peint|peignent|dessinent|"
    r"malt|malen|zeichnet|zeichnen) (?:\w+ ){0,3}(?:desde cero|a mano|de verdad|do zero|à mão|de verdade|à partir de "
    r"zéro|de zéro|à la main|von grund auf|von hand)|"
    r"(?:photographiée?s?|tournée?s?|filmée?s?|dessinée?s?|peinte?s?) (?:\w+ ){0,2}(?:pour de vrai|en vrai|à la main|"
    r"en prises de vue réelles|par (?:notre|nos))|"
    r"(?:echt|real|von hand|selbst) (?:\w+ ){0,1}(?:fotografiert|gedreht|gezeichnet|gemalt)",
    # "the final shot is practical plus traditional VFX", "the sequence is done practically"
    r"(?:is|are|will be|gets?|stays?) (?:done |shot |built )?(?:practical(?:ly)?|in-camera)(?: plus| with| and|[.,;]|$)",
    # "our copywriters write the actual lines", "the composer writes the whole score"
    # "Every costume on screen is designed and made (or sourced) by the team", "a real photo of the real cast taken by
    # our photographer", "the copywriters are drafting the real lines themselves", "the real rooms the designers build"
    r"(?:designed|made|built|shot|drawn|painted|written|drafted|composed|photographed|taken|sourced|retouched|"
    r"illustrated|recorded|sewn|constructed)(?: and \w+)?(?: \(or \w+\))? by (?:the |our |a )(?:[\w-]+ ){0,2}(?:team|"
    r"designers?|artists?|crew|photographers?|retouchers?|writers?|copywriters?|department|painters?|illustrators?|"
    r"composers?|editors?|builders?|carpenters?|makers?|tailors?|seamstresses)",
    r"(?:are|is) (?:designing|building|making|drawing|painting|writing|drafting|composing|shooting|creating|recording) "
    r"(?:the |all |our )?(?:real|actual|final) (?:[\w-]+ ){1,2}(?:themselves|ourselves|by hand|from scratch|with [\w-]+)",
    r"the real (?:[\w-]+ ){1,2}(?:the|our) (?:[\w-]+ )?(?:build|builds|make|makes|shoot|shoots|design|designs|paint|paints)",
    r"(?:is|are) (?:a )?real (?:photos?|photographs?|footage|recordings?) of (?:the )?real",
    r"(?:we|i|the [\w-]+ and i) (?:are |am )?(?:writing|drawing|painting|composing|designing|building) (?:the |all |our )?"
    r"(?:actual|real|final|whole) [\w-]+ (?:ourselves|myself|by hand)",
    r"(?:créée?s?|dessinée?s?|conçue?s?|réalisée?s?) à la main|(?:cread|diseñad|hech)[oa]s? a mano|(?:criad|feit)[oa]s? à mão|"
    r"(?:se )?(?:filma|rueda|graba|fotograf[íi]a)n? (?:\w+ ){0,3}(?:con (?:los|las|el|la) (?:actores|actrices|dobles|elenco)|"
    r"como siempre)|(?:is|are|gets?) (?:shot|filmed) (?:\w+ ){0,2}with the (?:actors|cast|stunt (?:team|doubles)|doubles)|"
    r"von hand (?:erstellt|gezeichnet|entworfen)|(?:zeichnen|malen|entwerfen) unsere \w+ selbst|"
    r"(?:gestaltet|zeichnet|malt|entwirft|baut|schreibt|gestalten|bauen) (?:\w+ ){0,3}(?:selbst|von hand)|"
    r"gedreht wird (?:alles )?echt",
    r"(?:qui|que|et) (?:fera|feront|fait|font|dessinera|dessineront|réalisera|réaliseront) (?:les|la|le) (?:\w+ )?"
    r"(?:définiti\w+|finale?s?)",
    r"(?:our|the) (?:[\w-]+ )?(?:writers?|copywriters?|artists?|illustrators?|designers?|painters?|composers?|editors?|"
    r"animators?|colou?rists?|team|crew) (?:\w+ )?(?:write|writes|draw|draws|paint|paints|design|designs|compose|"
    r"composes|build|builds|cut|cuts|animate|animates) (?:the |all |every |our |each )?(?:actual|real|final|whole)",
)
# Noise reduction, not the img2img setting ("at low denoise", "denoising strength 0.3") that sets how much is generated.
CLEANUP_DENOISE = (
    r"(?<!low )(?<!high )(?<!at )(?<!img2img )de-?nois(?:e|es|ing)(?! strength| value| level| setting| of \d| 0)"
)
# Said of a use that only processes what was recorded: nothing generated can reach the final cut.
NON_GENERATIVE = rx(
    r"(?:doesn'?t|does not|won'?t|will not|never|not|no) (?:create|generate|add|invent|synthesi[sz]e|make up|change)s? "
    r"(?:or (?:add|create|generate|change) )?(?:any |new |anyone's )?(?:words|imagery|images|pixels|content|material|"
    r"anything|lines|dialogue|delivery|performance)",
    rf"{CLEANUP_DENOISE}(?: passes)?|de-?reverb\w*|noise reduction|forced[- ]alignment|colou?r (?:correction|grading)|"
    r"farbkorrektur|rauschunterdrückung|magic mask|power windows?|pull(?:ing|s)? mattes",
    # the tool, not a person: "the character designer only cleans them up" says who finishes generated images
    r"(?:it|the (?:tool|model|app|software|plug-?in|ai)|ai) (?:only|just) (?:isolates|cleans|removes|reduces|tracks|masks|"
    r"pulls mattes|denoises|"
    r"separates|transcribes)",
    r"keine neuen (?:wörter|bilder|inhalte|töne|sätze) (?:\w+ )?(?:erzeugt|generiert)|no se generan (?:nuevas|nuevos)|"
    r"no genera (?:nuevas|nuevos|ningún)|ne génère (?:aucun|pas de)|não gera (?:novas|novos|nenhum)",
)
# "before the final mix" is a time, not a destination.
BEFORE = rx(r"before|until|prior to|ahead of|in time for")
FINAL_NO = rx(
    r"temp(?:orary|orarily)?",
    # removed before it could reach the screen: "these beeps all get stripped before the mix"
    r"(?:get|gets|are|is|will be|all get) (?:all )?(?:stripped|pulled|removed|taken out|dropped) (?:out )?(?:before|at|ahead of)",
    # "nothing from it is published or shown outside the team"
    r"(?:nothing|none|no (?:image|output|part|line|frame)s?)(?: (?:from|of) (?:it|them|this|these))? (?:is|are|gets?|will be|"
    r"ever gets?) (?:ever )?(?:published|shown|aired|broadcast|released|used) (?:publicly|externally|outside|anywhere|on)",
    # discarded once it has served: "on jette tout après", "gets thrown away once we shoot", "se desecha después"
    r"(?:thrown|tossed) (?:away|out)|(?:discarded|binned|deleted) (?:after|once|afterwards|when)|on (?:les |la |le )?jette|"
    r"(?:sont|est|seront|sera) jetée?s?|se (?:desechan?|descartan?|tiran?) (?:después|luego|al final)|"
    r"(?:wird|werden) (?:\w+ )?(?:verworfen|gelöscht|weggeworfen)|(?:é|são|será|serão) descartad[oa]s?|jogamos (?:\w+ )?fora",
    r"placeholders?",
    r"scratch (?:track|vo|voice|audio|music)",
    r"guide (?:track|vo|voice)",
    r"(?:will be |to be |gets? |are |is )?replaced (?:before|by|with|in)",
    r"replac(?:es|ing|e) (?:[\w'’-]+ ){0,5}(?:before|by|with|for) (?:the )?(?:final|lock|picture lock|delivery|mix|"
    r"recorded|library|real|licensed|composed|the composer)",
    r"internal(?:ly)? (?:only|use|review|purposes?)",
    r"(?:only|just|solely|purely) for the (?:team|room|crew|department|director|dp)|(?:solo|sólo) para el equipo|"
    r"(?:juste|seulement|uniquement) pour l'équipe|(?:só|apenas) (?:para|pra) (?:a )?equipe|nur (?:für das|fürs) team",
    r"for internal",
    r"reference only",
    r"for reference",
    r"none of (?:it|them|this|these|those|the \w+) (?:becomes?|will become|ends? up as|is used as|goes into) "
    r"(?:a |any )?(?:final )?(?:frames?|shots?|final|the film|the cut)",
    r"(?:never|not) (?:be )?(?:seen|shown|aired|broadcast|released|published|delivered)",
    r"stays? (?:internal|in-house|in the room)",
    r"not (?:for|in) (?:broadcast|release|the final)",
    r"off[- ]screen",
    r"throw-?away",
    r"internal (?:screenings?|reviews?|presentations?|pitch(?:es)?|meetings?|review tool)|"
    r"(?:projections?|visionnages?|présentations?|réunions?) internes?|(?:proyecciones|presentaciones|reuniones) internas|"
    r"(?:proyección|presentación|reunión) interna|(?:exibiç(?:ão|ões)|apresentaç(?:ão|ões)|reuni(?:ão|ões)) internas?|"
    r"interne(?:n|r)? (?:vorführung|sichtung|abnahme|präsentation|besprechung|meeting|entwurfsunterlagen)\w*|"
    r"(?:uso|usage|use|utilisation) (?:\w+ )?intern[oae]s?|platzhalter\w*|marcadores? de posición|espaces? réservés?|"
    r"provisional(?:es)?|provisoires?|provis[óo]ri[oa]s?|vorläufig\w*|temporal(?:es)?|temporaire|temporári[oa]s?|uso interno|"
    r"usage interne|interne (?:nutzung|zwecke)",
)

# A hedge only counts when its clause is about a principle (final use, data, consent, rights, likeness).
# Where generated output goes, before the material it goes into: "for the rough cut", "under the assembly".
DESTINATION = rx(
    r"for|in|into|under|over|onto|throughout|across|behind|alongside",
    r"para|en|dentro de|pour|dans|sous|für|in den|im|unter|no|na|nos|nas|sob",
)
# ... or named as what a temporary output is for, right before it: "rough cut scratch VO", "assembly temp score".
TEMP_OUTPUT_AFTER = re.compile(r"\s+(?:scratch|temp|placeholder|guide)\b", re.IGNORECASE)
# What a sentence says when it hedges about whether generated output stays or is seen ("it might just stay", "no
# sabemos si se van a ver en plano", "on ne sait pas s'ils resteront").
FINAL_STATUS_TOPIC = rx(
    r"final\w*|stay\w*|remain\w*|keep\w*|kept|lock|temp\w*|seen|on[- ]screen|on camera|in (?:the )?(?:cut|edit|mix|shot)|"
    r"ends? up",
    r"quedar\w*|se qued\w+|mantener\w*|se (?:van a |vayan a )?(?:ver|vea|vean)|en plano|en pantalla|montaje",
    r"rest(?:er|era|eront|ent)|gard(?:er|é|ée|és)|à l'écran|dans le plan|montage",
    r"bleib\w*|behalt\w*|im bild|im schnitt|zu sehen",
    r"fi(?:car|quem|que)|mant(?:er|êm)|em cena|na tela|aparec\w*|no corte",
)
# "the editor might drop a couple of AI temp cues into the assembly for internal screenings only": the modal says
# whether a step happens, not doubt about a principle, when the same clause says the step stays internal or temp.
OPTIONAL_STEP = rx(
    r"(?:might|may|could) (?:also |sometimes |occasionally |just |still )?(?:drop|use|try|add|generate|make|create|put|"
    r"throw|play|mock|knock|bash|whip|do)\w*"
)
FINAL_STATUS_KEPT = rx(
    r"keep\w*|kept|stay\w*|remain\w*|ends? up|lock\w*|quedar\w*|rest(?:er|era|ent)|bleib\w*|fi(?:car|que)"
)
