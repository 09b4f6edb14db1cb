"""Other people's rights and the audience's trust: third-party IP, unowned training data, misleading content and key creative elements."""

from __future__ import annotations

from triage.extract.lexical.lexicon import rx
from triage.extract.lexical.people import PUBLIC_FIGURE_BY_ROLE, SOUND_ALIKE

# "Q3 brand spots", "the brand campaign": the kind of marketing a production makes for itself, not someone's brand.
OWN_BRAND_WORK = (
    r"(?! (?:spots?|campaigns?|films?|videos?|team|guidelines|book|identity|refresh|shoot|content|strategy|"
    r"awareness|assets|launch|work|review|approval|check|sign-?off|safety))"
)
THIRD_PARTY_IP_YES = rx(
    r"in the style of",
    SOUND_ALIKE,
    # a famous existing work as input: "that iconic 1981 Rolling Stone cover", "the actual cover as the reference"
    r"(?:iconic|famous|classic|legendary|well-known|actual|original) (?:[\w-]+ ){0,3}(?:magazine |album |book )?"
    r"(?:covers?|posters?|photographs?|paintings?|album art|comics?|comic books?|strips|graphic novels?|manga)|"
    r"(?:magazine|album|book) covers?",
    r"à la (?-i:[A-Z])[\w-]+|(?:style|façon|manière) (?-i:[A-Z])[\w-]+|estilo (?:de )?(?-i:[A-Z])[\w-]+|"
    r"no estilo d[eoa]s? (?-i:[A-Z])|im stil (?:von )?(?-i:[A-Z])|com o traço d(?:ele|ela|[eoa]s? (?-i:[A-Z]))|"
    r"con el trazo de|avec (?:le|son) trait de",
    r"(?:style|styles) of (?:[A-Z][\w'-]*|the artist|a famous|well-known|famous)",
    r"[A-Z][\w'-]+(?: [A-Z][\w'-]+)?'s (?:style|art ?style|look|films?|paintings?|photographs?|artwork|aesthetic)",
    r"[A-Z][\w'-]+(?: [A-Z][\w'-]+)?['’]s (?:portfolio|instagram|artstation|behance|deviantart|body of work|brushwork|"
    r"linework|illustrations|artworks)",
    r"(?:inspired by|based on|modelled on|modeled on|recreate|recreating|mimic|copy|copying|replicate|replicating)"
    r" (?:a |the )?(?:famous|iconic|well-known|classic|celebrated|award-winning) (?:['‘\"][^'’\"]{1,60}['’\"] )?"
    r"(?:photo(?:graph)?|painting|film|movie|image|poster|album cover|artwork|scene|shot|song|track)",
    # a named author's works as the model: "inspired by the photographs of", "inspiradas nas fotos da … do Sebastião
    # Salgado", "the prompts will name him"
    r"(?:inspired by|based on|after|modelled on|modeled on) (?:the |some |a few )?(?:photos?|photographs|pictures|"
    r"paintings|works?|images|artworks?|illustrations|drawings) (?:of|by) (?:(?:the )?\w+ ){0,3}(?-i:[A-Z])",
    r"inspirad[oa]s?[\"”']? (?:n[oa]s?|em|en) (?:las |los |el |la )?(?:fotos|fotografías|fotografias|obras|trabalhos?|"
    r"pinturas|imagens|imágenes|quadros|cuadros|ilustra\w+) (?:de|da|do|das|dos|del)",
    r"inspirée?s?[\"”']? (?:des|de la|du|par les|par la) (?:photos|photographies|œuvres|tableaux|images|illustrations) "
    r"(?:de|d'|du|des)",
    r"(?:inspiriert|angelehnt) (?:von|an) (?:den |die )?(?:fotos|fotografien|werke[n]?|bilder[n]?|gemälde[n]?) "
    r"(?:von|des|der)",
    r"(?:prompts?|indicaciones|instructions) (?:\w+ ){0,2}(?:cite|citar|name|nombrar|mention|mencionar|citer|nennen) "
    r"(?:o |el |le |the |his |her |their |its |den )?(?:nome|nombre|nom|name)",
    r"(?:images?|pictures?|photos?|photographs|paintings?|illustrations?|drawings?|works?|artworks?|books?|scans|comics|"
    r"strips) by [A-Z](?-i:[a-z])[\w-]+ [A-Z](?-i:[a-z])[\w-]+",
    r"bekannte[nr]? (?:\w+ )?(?:sprecher\w*|moderator\w*|schauspieler\w*|sänger\w*|journalist\w*|nachrichtensprecher\w*)|"
    r"(?:célèbre|famos[oa]|conocid[oa]|conhecid[oa]) (?:présentat\w+|presentador\w*|apresentador\w*|locut\w+|"
    r"journaliste|periodista|jornalista)",
    r"[A-Z](?-i:[a-z])[\w'’]+-(?:style|esque|inspired)",  # "Morricone-style spaghetti western"
    PUBLIC_FIGURE_BY_ROLE,
    r"(?:famous|well-known|iconic|legendary|celebrated) (?:[\w'’-]+ ){0,3}(?:actor|actress|star|singer|billionaire|"
    r"politician|athlete|journalist|anchor|illustrator|artist|painter|photographer|director|musician|rapper|author|"
    r"influencer|ceo|presenter)s?(?:'s|')?",
    # a name's look: possessive anywhere ("Nolan's look"), or bare inside a sentence ("the Wes Anderson look"); not a
    # heading's capitals ("CAMPAIGN LOOK") nor a sentence's first word ("Campaign look: warm")
    r"(?!Art Deco|Art Nouveau|Film Noir|Pop Art|New Wave|Old Hollywood|Golden Age)[A-Z](?-i:[a-z])[\w.'’-]*"
    r"(?: [A-Z][\w.'’-]+){0,2}(?:'s|’s) (?:style|look|aesthetic|composition|palette|vibe|brushwork)",
    r"(?<=\w )(?!Art Deco|Art Nouveau|Film Noir|Pop Art|New Wave|Old Hollywood|Golden Age)[A-Z](?-i:[a-z])[\w.'’-]*"
    r"(?: [A-Z][\w.'’-]+){0,2} (?:style|look|aesthetic|composition|palette|vibe|brushwork)",
    r"real (?:[A-Z]+ )?(?:journalist|anchor|news anchor|politician|president|celebrity|reporter)",
    r"cnn|bbc|fox news|msnbc|sky news|nbc|abc news|cbs|reuters|associated press|getty images",
    r"(?:agency|archive|archival|press(?! materials?| kits?| releases?)|stock|news|newsreels?|licensed|third-party) "
    r"(?:footage|photos?|photographs|images?|material|"
    r"stills|reels?|clips?)",
    r"(?:press|photo|news|stock) agenc(?:y|ies)",
    r"(?:licensed|leased|acquired|sourced) from (?:the |a |an )?(?:[\w'’-]+ ){0,3}(?:archive|agency|library|studio|"
    r"network|broadcaster|estate)",
    r"(?:que )?licenciamos d[aoe]|licenciad[oa]s? (?:d[aoe]|de la|del) (?:\w+ )?(?:emissora|cadena|canal|arquivo|archivo|"
    r"agência|agencia|televisión|televisão)|(?:sous licence|licenciée?s?) (?:de|d'|auprès d[eu']|par)(?= )|"
    r"lizenziert\w* (?:vom|von der|beim|bei der)",
    r"(?:owned by|property of|belongs? to) (?:another|a different|other|a third-party) (?:studio|network|company|"
    r"production|broadcaster)",
    r"(?:frames|stills|clips|footage|images|scenes|shots) (?:ripped |taken |pulled |grabbed |lifted |sampled )?from "
    r"(?:[\w'’-]+ ){0,4}(?:films|movies|shows|series|music videos|games)",
    r"copyrighted",
    r"(?:frame ?grabs?|stills|frames|clips|footage|scenes|shots|screenshots|screen ?grabs?|images|posters?)"
    r"(?: ripped| taken| pulled| grabbed| lifted| sampled| screenshotted)? from"
    r" (?!Season|Episode|Ep\b|Block|Day|Unit|Our|Netflix|Act|Scene)[A-Z][\w'-]*",
    r"(?:famous|well-known|iconic) (?:photo(?:graph)?|painting|artist|artists|photographer|illustrator|actor|"
    r"actress|singer|film|movie|song|brand|logo|character)",
    r"(?:stills|frames|clips|images|footage|scenes|artwork|songs?|tracks?) (?:from|of) (?:other|existing|famous|"
    r"popular|well-known|another studio's|competitors?'?) (?:films?|movies|shows|series|artists?|studios?|musicians?)",
    r"(?:sounds?|looks?|feel|feels) (?:just |exactly )?like (?:a |an )?(?:[A-Z]\w+|famous|well-known)",
    r"public figures?|celebrit(?:y|ies)|politicians?|the president",
    rf"brands?{OWN_BRAND_WORK}|logos?|trademarks?|branded",
    r"disney|pixar|marvel|star wars|harry potter|ghibli|miyazaki|wes anderson|tim burton|banksy|van gogh|picasso|"
    r"warhol|basquiat|kubrick|spielberg|tarantino|nolan|hitchcock|beatles|taylor swift|beyoncé|drake|coca-cola|"
    r"nike|apple logo|mickey mouse|pokémon|batman|superman|spider-?man|simpsons|squid game|stranger things|"
    r"game of thrones|annie leibovitz|ansel adams|greg rutkowski|hans zimmer|john williams",
    r"(?:song|track|music) by [A-Z][\w'-]*",
    r"(?:al )?estilo de [A-Z][\w'-]*|à la manière de|(?:dans )?le style de [A-Z][\w'-]*|no estilo de [A-Z][\w'-]*|"
    r"im stil(?:e)? von",
    r"famos[oa] (?:fotografía|pintura|artista|actor|actriz)|célèbre (?:photo|tableau|artiste|acteur)|"
    r"famos[oa] (?:fotografia|pintura|artista|ator|atriz)|berühmte[nrs]? (?:foto|gemälde|künstler|schauspieler)",
)
THIRD_PARTY_IP_NO = rx(
    r"(?:our own|original|in-house|we own|owned by (?:us|the production)|licensed|cleared|commissioned|"
    r"public[- ]domain|royalty-free) (?:art|artwork|designs?|references?|images?|material|photos|footage|music|"
    r"library|assets)",
    r"no (?:references? to )?(?:real|existing|copyrighted|third-party) (?:works?|artists?|brands?|films?|material)",
)
UNOWNED_TRAINING_YES = rx(
    r"(?:train|training|trained|fine-?tun(?:e|ed|ing)|lora|custom model|teach)\s+(?:[\w'’~+.-]+\s){0,8}(?:on|with|using|from)"
    r"\s+(?:[\w'’~+.-]+\s){0,6}(?:artist'?s?|illustrator'?s?|photographer'?s?|painter'?s?|paintings|artworks?|portfolio|"
    r"artstation|behance|deviantart|"
    r"(?:other|existing|famous|classic) (?:films?|movies|shows)|celebrit(?:y|ies)|(?:actors?|actresses?)'? faces|"
    r"scraped|internet|web images|pinterest|instagram|google images|copyrighted|someone else's|stock footage|"
    r"[A-Z][a-z]+'s (?:work|art|paintings|films|illustrations|photos|photographs))",
    r"(?:train|fine-?tune)\s+(?:[\w'’-]+\s){0,5}(?:to (?:imitate|mimic|copy|replicate) (?:the |an |a )?"
    r"(?:style|artist|look))",
    r"(?:entrenar|entrenamiento|afinar)\s+(?:[\w'’-]+\s){0,6}(?:con|sobre) (?:[\w'’-]+\s){0,3}(?:obras?|artista|películas)",
    r"(?:entraîner|entraînement|affiner)\s+(?:[\w'’-]+\s){0,6}(?:sur|avec) (?:[\w'’-]+\s){0,3}(?:œuvres?|artiste|films)",
    r"(?:entraîner|entrenar|treinar|trainieren|train)\s+(?:[\w'’-]+\s){0,3}(?:lora|modèle|modelo|modell|model)\s+"
    r"(?:sur|con|sobre|com|em|auf|mit|on)\s+(?:[\w'’-]+\s){0,5}(?:de|d'|del|da|do|von|of|by)\s?(?-i:[A-Z])",
    r"pas (?:encore )?de contact avec les ayants droit|sin (?:hablar|contacto) con los (?:herederos|titulares)|"
    r"sem (?:falar|contato) com os herdeiros|ohne (?:die )?rechteinhaber",
    r"(?:treinar|treinamento|ajustar)\s+(?:[\w'’-]+\s){0,6}(?:com|em) (?:[\w'’-]+\s){0,3}(?:obras?|artista|filmes)",
    r"(?:train|trained|training|treinar|entrenar|entraîner|trainieren)\s+(?:[\w'’()-]+\s){0,6}(?:on|with|com|em|con|"
    r"sobre|sur|avec|mit|auf)\s+(?:[\w'’()-]+\s){0,6}(?:ilustra\w+|tirinhas|quadrinhos|cartunista|desenhos|"
    r"illustrations?|dessins|bandes dessinées|dibujos|viñetas|historietas|zeichnungen|illustrationen|comics|"
    r"strips|cartoons?)",
    r"(?:trainieren|training|feinabstimm\w*)\s+(?:[\w'’-]+\s){0,6}(?:mit|auf) (?:[\w'’-]+\s){0,3}(?:werken?|künstler\w*|filmen)",
    # someone's interviews or broadcasts: "treinada nas entrevistas dele na TV", "trained on her old TV appearances"
    r"(?:train|trained|training|treinad[oa]|treinar|entrenad[oa]|entrenar|entraînée?|entraîner|trainiert|trainieren)\s+"
    r"(?:[\w'’-]+\s){0,4}(?:on|with|from|nas|nos|em|com|en|con|sobre|sur|avec|mit|auf|à partir de)\s+(?:[\w'’-]+\s){0,2}"
    r"(?:(?:his|her|their|sus|ses|leurs|suas|seus|seinen|ihren) (?:[\w-]+ )?(?:interviews?|speeches|broadcasts|"
    r"appearances|entrevistas|discursos|discours|reden|auftritten)|(?:tv|television|broadcast|news) (?:interviews|"
    r"appearances|footage|clips)|(?:entrevistas|discursos|interviews|discours) (?:dele|dela|de él|de ella))",
)
TRAINING_ANY = rx(
    r"train(?:s|ing|ed)? (?:a |an |our |the |its |their |this |that )?(?:own |custom |new |in-house |bespoke )?"
    r"(?:[\w-]+ )?(?:models?|loras?|networks?|checkpoints?)",
    r"train(?:s|ing|ed)? (?:it |them |this |that )?on",
    r"training (?:data|set|material)",
    r"fine-?tun(?:e|es|ed|ing)|loras?|custom models?",
    r"entrenar|entraîner|treinar|trainieren",
)
OWNED_MATERIAL = rx(
    r"our (?:concept art|footage|designs?|artwork|dailies|scripts?|material|assets|photos|recordings)",
    r"our own (?:footage|art|artwork|designs?|material|data|images|photos|recordings|key poses|assets|concept art|"
    r"library|catalog(?:ue)?|illustrations|paintings|drawings|scans|music|score|shots)",
    r"we own|owned by (?:us|the production|netflix)|we (?:shot|created|commissioned|licensed)|licensed|"
    r"cleared|(?:the |our )?(?:production's|show's|studio's) own|with (?:the )?(?:rights|licen[sc]e)",
)
MISLEADING_YES = rx(
    r"(?:fake|fabricated|invented|made-up|synthetic|ai-generated|generated|simulated|recreated|reconstructed)\s+"
    r"(?:[\w'’-]+\s){0,2}(?:news|newscast|news (?:segment|report|footage|broadcast)|interviews?|archival|archive|"
    r"home (?:video|movies?)|photos? of (?:the )?(?:real|actual|victim|suspect|family)|testimon(?:y|ies)|"
    r"quotes?|headlines?|documents?|evidence|surveillance|cctv|bodycam|phone footage)",
    r"(?:archival|archive)[- ](?:style|looking|like)",
    r"look(?:s|ing)? (?:like )?(?:real |authentic |genuine )?(?:archival|archive|found) (?:footage|photos?|material)",
    r"pass(?:ed)? (?:it |them )?(?:off )?as real",
    # viewers who cannot tell, not a partner who "can't tell whether that's coincidence"
    r"(?:viewers?|audiences?|people|nobody|no one|you|anyone) (?:\w+ )?(?:can'?t|cannot|won'?t|will not|couldn'?t) "
    r"(?:be able to )?(?:tell|distinguish)|(?:can'?t|cannot) be told apart",
    r"(?:no one|nobody|no viewer) will (?:notice|know|tell|spot)|ningu[ée]m vai (?:perceber|notar|saber)|"
    r"nadie (?:lo )?(?:va a )?(?:notar[áa]?|darse cuenta)|personne ne (?:verra|remarquera|s'en rendra compte)|"
    r"niemand (?:wird (?:es |das )?(?:merken|bemerken|sehen)|merkt)",
    r"(?:indistinguishable|mistaken) (?:from|for) (?:real|the real)",
    r"never (?:happened|said|took place)",
    r"nunca (?:falou|disse|dijo) (?:isso|isto|eso|esto)|n'a jamais dit (?:ça|cela)|hat (?:das|es) nie gesagt|"
    r"(?:so )?gesagt hat (?:sie|er) (?:das|es) (?:so )?nie|(?:sie|er) hat (?:das|es) (?:so )?nie gesagt|"
    r"(?:él|ella) no sabe nada|(?:ele|ela) não sabe de nada|(?:il|elle) n'(?:en )?sait rien|"
    r"(?:never|didn'?t) (?:actually )?(?:say|said) (?:it|that|those words)",
    r"(?:match|matches|matching|blend|blends|mix|mixes|intercut|intercuts|sit|sits) (?:\w+ ){0,2}(?:with |among |alongside )?"
    r"(?:the )?(?:real|genuine|actual|original|authentic) (?:\d+s? )?(?:\w+ ){0,2}(?:prints|photos|photographs|archive\w*|"
    r"footage|home movies|snapshots|tapes|videos|recordings|reels)",
    r"(?:parmi|avec) les vraies archives|among (?:the )?real archive\w*|entre (?:los|el) (?:archivos?|material de archivo) "
    r"reales?|entre as (?:fotos|imagens) reais|zwischen (?:die |den )?echten archiv\w*",
    r"(?:photos?|images?|fotos|imagens|imágenes) d'archives?[»”\"]?|[«“\"]photos d'archives",
    r"(?:real|actual) (?:journalist|anchor|news anchor|politician|reporter|person) (?:saying|says|reading|"
    r"announcing|appears to say)",
    r"(?:say|saying|said) (?:something|things|words|lines) (?:they|he|she) never",
    r"(?:recreat|reconstruct)\w* (?:the )?(?:real|actual|historical|true) (?:events?|footage|scenes?|moments?|"
    r"crime|call|recording)",
    r"(?:fake|falsa?s?|faux|fausses?|gefälschte?) (?:noticias|news|nouvelles|notícias|nachrichten)",
    # a newscast's look for invented news: "ein Clip im Look der Tagesschau … eine Eilmeldung"
    r"(?:im )?(?:look|stil|style|estilo) (?:der|einer|of an?|of the|de un|de una|d'un|d'une|de um|de uma) (?:\w+ )?"
    r"(?:tagesschau|nachrichtensendung|newscast|news (?:bulletin|broadcast)|noticiero|telediario|journal télévisé|"
    r"telejornal|jornal nacional)|eilmeldung|breaking news|noticia de última hora|flash info",
    r"(?:imágenes|fotos) de archivo generadas|images d'archives générées|imagens de arquivo geradas|"
    r"generierte archiv\w*",
)
# Generated material a viewer cannot take for the real record: it says so on screen, or plainly is not real.
MISLEADING_NO = rx(
    r"einblend\w*|(?:labell?ed|marked) (?:on[- ]screen )?(?:as )?['\"“]?(?:placeholder|platzhalter|ai|ki)",
    r"clearly (?:animated|stylised|stylized|illustrated|drawn|labell?ed|marked|identified|credited|flagged)",
    r"(?:labell?ed|marked|captioned|identified|flagged|credited) (?:on[- ]screen )?as (?:an? )?(?:ai|generated|"
    r"reconstructions?|recreations?|dramati[sz]ations?|illustrations?|re-?enactments?|artist'?s impressions?)",
    r"(?:with|carries|carry|has|have|gets?|shows?|under) (?:an? |the )?(?:clear |visible |permanent )?(?:on[- ]screen )?"
    r"(?:labels?|captions?|title cards?|disclaimers?|supers?|lower[- ]thirds?|watermarks?|disclosures?)",
    r"disclosed (?:on[- ]screen|to (?:the )?(?:viewers|audience)|in the (?:credits|film|episode))",
    r"(?:rótulo|etiqueta|aviso) en pantalla|(?:mention|carton|avertissement) à l'écran|(?:aviso|rótulo|legenda) na tela|"
    r"(?:einblendung|hinweis|kennzeichnung) im bild|als (?:ki|rekonstruktion) gekennzeichnet",
)
KEY_CREATIVE_YES = rx(
    r"main (?:character|characters|villain|creature|monster|location|setting|title|titles)",
    r"lead (?:character|characters|creature)",
    r"(?:protagonist|antagonist|hero|heroine|villain|title character|central character)(?:'s)? "
    r"(?:design|look|face|appearance|model|creature)",
    r"(?:the )?(?:protagonist|antagonist|title character|central character)",
    r"key (?:visual|visuals|art|characters?|creature|location|setting|props?|scenes?)",
    r"central (?:to the (?:story|plot|narrative)|setting|location|world|character|plot|element|prop)",
    r"(?:hero|story-critical|plot-critical|pivotal) (?:prop|props|asset|assets|shot|shots|scene|element)",
    r"(?:creature|character) designs?(?: for)? (?:the )?(?:final|hero|main)",
    r"(?:final|approved) (?:[\w-]+ )?(?:turnarounds?|turnaround sheets?|model sheets?|character sheets?|character designs?)",
    r"hero (?:[\w-]+ )?(?:environments?|locations?|sets?|worlds?|backgrounds?|bgs)",
    r"(?:the )?(?:world|universe) of the (?:show|series|film|story)",
    r"(?:title|opening|main-?on-?end) (?:sequence|titles|credits)",
    r"read (?:aloud|out loud)",
    r"(?:liest|lesen|lese|vorlesen) (?:[\w\"„“”-]+ ){0,10}(?:laut )?vor|laut vor(?:gelesen|lesen)?|"
    r"(?:lit|lisent) (?:\w+ ){0,8}(?:à voix haute|tout haut)|(?:lee|leen) (?:\w+ ){0,8}en voz alta|"
    r"(?:lê|leem) (?:\w+ ){0,8}em voz alta",
    # the final design of a character (the matrix: final character designs escalate)
    r"(?:design|dessin|diseño|desenho|look) (?:définitif|definitivo|final) d[eu]|(?:final|definitive) (?:character )?design of|"
    r"model sheets? définitif\w*|turnarounds? définitif\w*|décor principal|decorado principal|cenário principal|"
    r"(?:comme |como |as (?:the |our )?)(?:design|diseño|desenho|look) (?:final|définitif|definitivo)|"
    r"hauptschauplatz|haupt(?:figur|kulisse)|"
    r"endgültige[sn]? (?:\w+)?design",
    r"(?:part|central) (?:of|to) the (?:plot|story)",
    r"(?:major|prominent|important) (?:story |plot )?(?:element|role|prop|character|location)",
    r"personaje (?:principal|protagonista)|protagonista|escenario central|elemento clave",
    r"personnage principal|protagoniste|décor central|élément clé",
    r"personagem principal|protagonista|cenário central|elemento-chave",
    r"hauptfigur|hauptcharakter|protagonist(?:in)?|zentrale[rns]? (?:schauplatz|element|setting|figur|kreatur)",
    # what the whole story turns on: "celle autour de laquelle tourne toute la saison", "in der praktisch jede Folge spielt"
    r"(?:autour (?:duquel|de laquelle|desquel(?:le)?s|de qui)|around which|em torno d[ao] (?:qual|quem)|en torno a (?:la cual|quien)|"
    r"um (?:die|den|das) sich) (?:\w+ ){0,2}(?:tourne|turns|revolves|gira|giram|dreht) (?:[\w-]+ ){0,3}(?:l'|d')?"
    r"(?:saison|season|temporada|staffel|série|series|serie|story|histoire|historia|história|geschichte)|"
    r"(?:in der|where|où|donde|onde) (?:\w+ ){0,2}(?:jede folge|every episode|chaque épisode|cada episodio|cada episódio) "
    r"(?:spielt|takes place|se déroule|transcurre|se passa|is set)",
)
KEY_CREATIVE_NO = rx(
    r"incidental",
    r"(?:generic|unreferenced|unnamed|nondescript|blurred|out of focus|out-of-focus) (?:background )?"
    r"(?:props?|signs?|signage|posters?|elements?|extras|set dressing)",
    r"(?:deep |far )?(?:in the )?background (?:only|elements?|props?|dressing)",
    r"never (?:referenced|mentioned|read)",
)
