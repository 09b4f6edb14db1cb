"""Real people, performers, consent, performance alteration and the work union members do."""

from __future__ import annotations

import re

from triage.extract.lexical.final_status import CLEANUP_DENOISE
from triage.extract.lexical.lexicon import NOT_CODE, TOOLS, rx
from triage.records import Consent

# --- Real people, performances, consent ---------------------------------------------------------------------
# Who a face or voice belongs to, after "la cara de", "la voix de", "a cara do", "die Stimme von": a person, or a name.
PERSON_NOUN = (
    r"actor|actriz|actores|presentador(?:a)?|narrador(?:a)?|protagonista|cantante|entrevistad[oa]|"
    r"acteur|actrice|comédien(?:ne)?|présentat(?:eur|rice)|narrat(?:eur|rice)|chanteu(?:r|se)|"
    r"ator|atriz|apresentador(?:a)?|cantor(?:a)?|"
    r"schauspieler\w*|sprecher\w*|moderator\w*|sänger\w*|[A-Z][\w-]+"
)
# A named person's sound-alike or look-alike: "an AI voice that sounds basically like Morgan Freeman" (real person and IP).
SOUND_ALIKE = (
    r"(?:sounds?|sounding|looks?|looking|suena|suenan|soa|soam|ressemble|ressemblent|klingt|klingen|aussieht) "
    r"(?:\w+ ){0,3}(?:like|como|à|wie) [A-Z][\w-]+ [A-Z][\w-]+"
)
# A public figure by role: "el capitán del Atleti", "o presidente do clube", "le maire de Lyon" (real person and IP).
PUBLIC_FIGURE_BY_ROLE = (
    r"(?:el|la|o|a|le|der|die) (?:capitán|capitana|capitão|capitaine|kapitän|presidente|présidente?|präsident\w*|alcalde|"
    r"alcaldesa|prefeit[oa]|maire|bürgermeister\w*|entrenador|treinador|entraîneur|trainer|jugador|jogador|joueur|"
    r"futbolista|ministr[oa]|ministre|minister\w*) (?:del?|do|da|de la|du|des|von|vom) [A-Z]\w*|"
    # an office holder named after the title: "do ex-governador Álvaro Menezes", "former Senator Hale"
    r"(?:ex-|former |late |antig[uo][oa] |ancien(?:ne)? |ehemalige[nr]? )?(?:governor|senator|mayor|president|"
    r"prime minister|chancellor|congress(?:man|woman)|gobernador[a]?|governador[a]?|gouverneur|senador[a]?|"
    r"sénat(?:eur|rice)|diputad[oa]|deputad[oa]|députée?|alcalde(?:sa)?|prefeit[oa]|maire|presidente|présidente?|"
    r"präsident(?:in)?|ministr[oa]|ministre|minister(?:in)?|bürgermeister(?:in)?|kanzler(?:in)?|senator(?:in)?) "
    r"(?-i:[A-ZÁÉÍÓÚÂÊÔÀÇ])[\w-]+"
)
REAL_PERSON_STRONG = rx(
    r"(?:clone|clones|cloning|cloned|replicate|replicating|recreate|recreating|resurrect(?:ing)?|mimic(?:king)?|"
    r"synthesi[sz]e|model|match|imitate|imitating|sound[- ]?alike of|deepfake)\s+(?:of\s+)?"
    r"(?:the |our |her |his |their |a |an )?(?:late |real |famous |lead |deceased )?(?:[\w'’-]+\s){0,4}"
    r"(?:voice|voices|face|faces|likeness|likenesses|performance|body|appearance)",
    r"(?:voice|face|likeness)(?:s)? of (?:the |our |a |an )?(?:late |real |famous |deceased |lead )?\w+",
    r"(?:(?:lead|leads|actor|actress|star|narrator|host|presenter|singer|talent|performer|cast|cast members?|"
    r"homeowners?|contestants?|participants?|contributors?|interviewees?|"
    r"(?!Nobody|Anybody|Somebody|Everybody|Noone|Anyone|Someone|Everyone)[A-Z][a-z]+)(?:'s|s'|')|her|his|"
    r"their) (?:\([\w ,.-]{1,30}\) )?(?:own |ai |cloned |synthetic |digital )?(?:voices?|faces?|likeness|expressions?|"
    r"reactions?)(?: clone| model)?"
    r"(?! memos?| notes?| messages?| mail| recorder)",
    r"voice[- ]?(?:clone|cloning|model) of",
    r"digital[- ](?:double|replica|twin)s?(?: of)?",
    SOUND_ALIKE,
    r"g[êé]meos? digita(?:l|is)|gemel[oa]s? digital(?:es)?|jumeaux? numériques?|digitale[rn]? zwilling\w*",
    r"stimm(?:modell|klon)\w* (?:von|des|der)|(?:des|der|dem|den) verstorbenen \w+",
    r"(?:stimme und gesicht|gesicht und stimme|stimme|gesicht|voz y (?:cara|rostro)|voix et visage|voz e rosto) "
    r"(?:\w+ ){0,2}(?:sind|ist|werden|wird|son|sont|são|serán|seront) (?:\w+ ){0,2}(?:generiert|ki-generiert|"
    r"synthetisch|geklont|generad[oa]s|générée?s|gerad[oa]s)",
    r"(?:hauptdarsteller(?:in)?|schauspieler(?:in)?|moderator(?:in)?|sprecher(?:in)?|lead actor|lead actress|actor|"
    r"actress|actriz|acteur|actrice|ator|atriz|atacante|jogador|futbolista|joueur|spieler(?:in)?) "
    r"(?-i:[A-ZÁÉÍÓÚÂÊÔÀÇÄÖÜ])[\w-]+ (?-i:[A-ZÁÉÍÓÚÂÊÔÀÇÄÖÜ])[\w-]+",
    r"(?:clone|model|replica|avatar)s? (?:[\w'’-]+ ){0,4}(?:(?:built|trained|made|created) (?:from|of|on)|from|of) "
    r"(?:our |the |his |her |their )?"
    r"(?:[\w'’-]+ ){0,2}(?:his|her|their|actor's|actress's|lead's|leads'|host|narrator|presenter|[A-Z][a-z]+)",
    r"(?:train|training|trained|build|building|fine-?tun\w*) (?:a |an |the )?(?:voice|face|likeness)[- ]models?",
    r"['‘\"](?:him|her|them|he|she)['’\"]",
    r"(?:photos?|images?|pictures?|snapshots?|portraits?|footage|clips?|videos?|likeness) of (?:the |a |our )?(?:real |actual )?"
    r"(?:defendant|victim|suspect|accused|witness|(?-i:[A-Z][a-z]+ [A-Z][a-z]+)|him|her|them|leads?|actors?|actress|cast|talent|host|"
    r"principals?)",
    r"(?:principal|lead|actor|actress|cast member|performer)s?(?:'s|')? (?:own )?head ?shots?",
    # the people a show films, in their own pictures: "contestants' selfies", "fotos de los concursantes"
    r"(?:contestants?|participants?|candidates?|guests?|homeowners?|interviewees?|contributors?|cast members?|crew)"
    r"(?:'s|s'|’s|s’|'|’) (?:own |old |family |personal )?(?:selfies?|photos?|head ?shots?|portraits?|pictures?|snapshots?|"
    r"videos?|photographs?)|[\w-]+(?:'s|s'|’s|s’) (?:own |old |personal )?selfies?|(?:selfies?|photos?|pictures?|portraits?|head ?shots?) of (?:the |our |all )?(?:contestants|"
    r"participants|candidates|guests|homeowners|interviewees|contributors)|"
    r"(?:selfies?|fotos?|fotografías|retratos|photos?|portraits?|bilder|porträts) (?:de los|de las|dos|das|des|der|von den) "
    r"(?:concursantes|participantes|candidat[oa]s|invitad[oa]s|convidad[oa]s|candidat(?:e)?s|invités|teilnehmer\w*|"
    r"kandidat\w*|gäste)",
    r"(?:photos?|images?|pictures?|snapshots?|portraits?|footage|videos?) of [A-Z](?-i:[a-z])[\w-]* (?:as an? (?:child|kid|"
    r"baby|toddler|teen(?:ager)?|young (?:man|woman|girl|boy)|girl|boy)|when (?:she|he|they) (?:was|were))",
    r"(?:new |different )?poses of (?:the |our )?(?:two |three |both )?(?:leads?|actors?|actress|cast|talent|him|her|them)",
    r"based on (?:a |the )?(?:photos?|images?|pictures?|portraits?|recordings?) of",
    r"late (?:grandfather|grandmother|father|mother|husband|wife|brother|sister|founder|uncle|aunt|friend)",
    r"(?:fotos?|imágenes) (?:de la|del|de los|de las) (?:víctima|acusad[oa]s?|testigos?|sospechos[oa]s?|fallecid[oa])|"
    r"(?:photos?|clichés?|images?) (?:de la|du|des|d'une?|de l') ?(?:victime|accusée?|suspecte?|témoin|défunte?)|"
    r"fotos? d[aoe]s? (?:vítima|acusad[oa]|testemunha|suspeit[oa]|falecid[oa])|"
    r"fotos? (?:des|der) (?:opfers|angeklagten|zeugin|zeugen|verstorbenen)",
    rf"(?:la )?(?:cara|voz|imagen|rostro) (?:de|del) (?:(?:nuestr[oa]s?|el|la|los|las|su) )?(?:{PERSON_NOUN})",
    rf"(?:le visage|la voix|l'image) (?:de |du |des |d')(?:(?:notre|la|le|l') ?)?(?:{PERSON_NOUN})",
    rf"(?:o rosto|a voz|a cara|a imagem) d(?:e|o|a|os|as) (?:(?:nosso|nossa) )?(?:{PERSON_NOUN})",
    r"(?:a )?voz (?:dele|dela|deles|delas)|(?:o )?rosto (?:dele|dela)|(?:la )?voz de (?:él|ella)|"
    r"(?:planos|imágenes|tomas) de (?:ella|él)|(?:plans|images) d'(?:elle|lui)|bilder von (?:ihr|ihm)|"
    r"(?:planos|imagens|fotos|retratos) (?:dela|dele|deles|delas)|(?:fotos|retratos) (?:de ella|de él)|"
    r"(?:sa|leur) voix|(?:seine|ihre) stimme",
    r"(?:die stimme|das gesicht|das abbild) (?:von|des|der|unseres|unserer|ihres|seines)",
    r"mundbewegung\w*|lippenbewegung\w*",
    # a named person's voice or features: "Whitney Houston singing the theme", "la nariz y las cejas de Javier Bardem"
    r"(?-i:[A-Z][a-zà-ÿ]+ [A-Z][a-zà-ÿ]+) [\"“”'‘’]?(?:sing|sings|singing|sang|cantando|canta|cantar|chantant|chante|"
    r"singt|singen|speaking|saying|narrating)",
    # a voice cloned from what she said on the record: "mit dem Voice-Cloning-Tool aus ihren O-Tönen"
    r"(?:aus|von|mit) (?:ihren|seinen|ihrer|seiner) (?:o-?tönen?|aufnahmen|interviews?|sprachaufnahmen)|"
    r"from (?:her|his|their) (?:own )?(?:recordings|interview audio|interviews|lines|sound ?bites|vox pops)|"
    # "com voz sintética treinada nas entrevistas dele", "a partir de sus entrevistas", "à partir de ses discours"
    r"(?:entrevistas|gravações|discursos|falas|grabaciones|intervenciones|interviews|enregistrements|discours) "
    r"(?:dele|dela|deles|delas|de él|de ella)|(?:sus|ses|leurs|suas|seus) (?:entrevistas|grabaciones|discursos|"
    r"interviews|enregistrements|discours|gravações|falas)",
    PUBLIC_FIGURE_BY_ROLE,
    r"(?:nose|eyes|eyebrows|jaw|jawline|smile|cheekbones|features|nariz|cejas|ojos|rostro|sonrisa|rasgos|nez|yeux|"
    r"sourcils|visage|traits|nase|augen|gesichtszüge|olhos|sobrancelhas|traços) (?:(?:y|and|et|und|e) (?:(?:las|los|la|el|"
    r"les|le|die|der|das|as|os|o|a|the) )?[\w-]+ )?(?:of|de|du|des|von|da|do) (?-i:[A-Z][a-zà-ÿ]+ [A-Z][a-zà-ÿ]+)",
    r"(?-i:[A-Z][a-zà-ÿ]+)(?:'s|’s) (?:nose|eyes|eyebrows|jaw|jawline|smile|cheekbones|features)",
    r"de-?ag(?:e|es|ed|ing|eing)",
    r"re-?ag(?:e|es|ed|ing|eing)",
    r"younger version of",
    r"face[- ]?(?:swap|swapping|replacement)",
    r"deep\s?fakes?",
    r"likeness(?:es)?",
    r"look-?alikes?",
    r"sound-?alikes?",
    r"(?:the )?late (?:actor|actress|singer|director|[A-Z][a-z]+)",
    r"(?:deceased|dead) (?:actor|actress|performer|subject|person|singer|artist|father|mother|relative)",
    r"public figures?",
    r"real (?:[A-Z]+ )?(?:journalist|anchor|politician|person|people|news anchor|president|celebrity|reporter)",
    r"clonar la voz|voz clonada|clonación de voz|su (?:voz|cara|rostro|imagen)|rejuvenecer|doble digital",
    r"cloner la voix|voix clonée|clonage de (?:la )?voix|sa (?:voix|visage)|rajeunir|double numérique",
    r"clonar a voz|voz clonada|clonagem de voz|sua (?:voz|imagem|aparência)|rejuvenescer|dublê digital",
    # voices cloned in the plural: "clonar as vozes dos dubladores já escalados", "cloner les voix des comédiens"
    r"(?:clonar|cloner|klonen|clone|cloning|replicar|reproduzir) (?:as |las |les |die |the |their |our )?(?:vozes|voces|"
    r"voix|stimmen|voices)|(?:vozes|voces|voix|stimmen|voices) (?:\w+ ){0,3}(?:clonad[oa]s|clonées|geklont|cloned)",
    rf"stimme (?:von|des|der) (?:unser\w* )?(?:{PERSON_NOUN})|stimme klonen|geklonte stimme|stimme (?:\w+ )?geklont|stimmklon|seine[nr]? stimme|ihre[nr]? stimme|"
    r"verjüng\w*|digitale[rn]? double|sein gesicht|ihr gesicht",
    r"(?:his|her|their|the (?:actor|actress|interviewee|subject|host|presenter)'s) (?:mouth|lips|lip movements|"
    r"mouth movements|facial performance|facial expressions?)",
)
# The real person is a performer (the people union agreements cover), not a private individual or public figure.
PERFORMER = rx(
    r"(?:our |the |a |his |her )?(?:lead|leads|actor|actors|actress|actresses|star|co-?star|cast member|cast|talent|"
    r"performer|performers|narrator|host|presenter|voice actor|singer|comedian|stunt (?:double|performer))(?:'s|s'|')?",
    r"protagonist[ae]?|actor principal|actriz|narrador[a]?|acteur|actrice|comédien(?:ne)?|ator|atriz|"
    r"hauptdarsteller\w*|schauspieler\w*|sprecher\w*",
)
REAL_PERSON_WEAK = rx(
    r"voice[- ]?clon(?:e|es|ing)",
    r"synthetic (?:voice|voices|actor|actors|performer|performers|presenter|host)",
    r"ai (?:voice|voices|actor|actors|presenter|host|avatar|narrator|narration|voice-?over)",
    r"digital (?:human|humans|avatar|avatars|character)",
    r"avatar",
    r"voice-?over",
    r"text[- ]to[- ]speech|tts",
)
REAL_PERSON_NO = rx(
    r"(?:not|never) (?:based on|modelled on|modeled on|resembl\w*|recogni[sz]able as|tied to|imitating) (?:any|a|an)"
    r" ?(?:real|actual|specific|identifiable)?",
    r"(?:no|not any|not a) (?:real|actual|identifiable) (?:person|people|performer|actor|individual)",
    r"(?:fictional|invented|original|made-up|non-human|generic|stock|library) (?:[\w-]+ )?(?:voice|voices|character|"
    r"characters|face|faces|creature|creatures|robot|narrator|presenter|avatar)",
    # "a generic voice, not modelled on anyone", "eine generische Standardstimme, die niemandem nachempfunden ist"
    r"(?:not|never) (?:based on|modelled on|modeled on|imitating|cloned from) (?:anyone|anybody|any one person)",
    r"generische \w*stimme|standardstimme|niemandem nachempfunden|keiner (?:realen )?person nachempfunden",
    r"voz (?:genérica|sintética genérica|de stock)|no (?:está )?basada en nadie|no imita a nadie",
    r"voix (?:générique|de synthèse générique)|(?:calquée|basée) sur personne|n'imite personne",
    r"voz genérica|não (?:é )?baseada em ninguém|não imita ninguém",
    r"(?:resembles|resembling) no (?:one|real|actual)",
    r"unrecogni[sz]able",
    r"royalty-free voices?",
    r"stock voices?",
)
CONSENT_OBTAINED = rx(
    r"(?:has|have|'ve|already|had) (?:\w+ )?(?:signed|given|granted|agreed|consented|approved)",
    r"(?:she|he|they|we)(?:'s|’s|'ve|’ve) (?:\w+ )?(?:signed|given|granted|agreed|consented|approved)",
    r"signed (?:a |the |an |her |his |their )?(?:\w+ )?(?:consent|release|waiver|agreement|rider|authori[sz]ation)",
    r"(?:written|documented|signed|explicit|informed) consent (?:is |was |has been )?(?:on file|in hand|obtained|"
    r"secured|signed|in place|received)",
    r"consent (?:is |was |has been )?(?:obtained|secured|given|granted|documented|signed|on file|in place|in hand)",
    r"with (?:her|his|their|the actor's|the actress's|the performer's|the estate's|full|documented|written|"
    r"signed|explicit|informed) (?:\w+ )?(?:consent|permission|approval|blessing)",
    r"(?:consent|permission) from (?:the )?(?:estate|actor|actress|performer|talent|family)",
    r"(?:firmó|ha firmado|han firmado|consentimiento (?:firmado|por escrito|obtenido))",
    r"(?:a signé|ont signé|consentement (?:signé|écrit|obtenu))",
    r"(?:assinou|assinaram|consentimento (?:assinado|por escrito|obtido))",
    r"(?:hat unterschrieben|haben unterschrieben|schriftliche (?:zustimmung|einwilligung) liegt vor|"
    r"(?:zustimmung|einwilligung) liegt vor)",
)
CONSENT_PENDING = rx(
    r"consent (?:is |will |should )?(?:arrives?|arriving|coming|expected|pending|in progress|being negotiated|"
    r"next week|later|soon|to follow|tbc|tbd)",
    r"(?:will|going to|plan to|intend to|need to|would|we'll|we will) (?:\w+ )?(?:get|obtain|ask for|seek|request|"
    r"secure|sort out|collect) (?:\w+ ){0,2}(?:consent|permission|sign-?off|approval|release)",
    r"(?:has|have|had)n'?t (?:\w+ )?(?:signed|agreed|consented|approved|said yes)(?: yet)?",
    r"(?:has|have) not (?:yet )?(?:signed|agreed|consented|approved)",
    r"not (?:yet )?(?:signed|agreed|consented)",
    r"(?:awaiting|waiting (?:for|on)) (?:\w+ ){0,2}(?:consent|signature|sign-?off|approval|release)",
    r"once (?:she|he|they|the actor|the estate|the family) (?:signs?|agrees?|approves?|consents?)",
    r"(?:still )?(?:in|under) negotiation",
    r"yet to (?:sign|agree|consent)",
    r"(?:don'?t|do not|doesn'?t|does not) (?:yet )?have (?:\w+ ){0,2}(?:consent|permission|sign-?off|release)",
    r"(?:el|la) consentimiento (?:llega|llegará)|consentimiento (?:pendiente|llega|llegará)|todavía no (?:ha )?firmado|"
    r"aún no (?:ha )?firmado",
    r"consentement (?:arrive|arrivera|en attente|à venir)|pas encore signé|n'a pas encore",
    r"consentimento (?:chega|chegará|pendente)|ainda não (?:assinou|concordou)",
    r"(?:zustimmung|einwilligung) (?:kommt|folgt|steht noch aus)|noch nicht unterschrieben|noch nicht zugestimmt",
)
CONSENT_ABSENT = rx(
    r"without (?:her|his|their|the actor's|the actress's|the performer's|any|asking|telling|permission|consent)",
    r"(?:no|not any) (?:consent|permission|release)",
    r"(?:refused|declined|denied|said no|won't agree|doesn't know|don't know|isn't aware|not aware)",
    r"(?:didn't|did not|won't|will not) (?:ask|tell|inform)",
    r"sin (?:su )?(?:consentimiento|permiso)|sans (?:son |leur )?(?:consentement|autorisation)|"
    r"sem (?:o seu )?(?:consentimento|autorização)|ohne (?:seine |ihre )?(?:zustimmung|einwilligung|erlaubnis)",
)
PERFORMANCE_ALTERATION_YES = rx(
    r"visual adr",
    # "que los de VFX le cambien el movimiento de la boca con IA": the mouth moved to new lines
    r"(?:cambi|modific|alter|ajust|chang|mud|änder)\w* (?:\w+ ){0,3}(?:movimiento de (?:la )?boca|movimiento de los labios|"
    r"mouvement des lèvres|mouvements? de (?:la )?bouche|movimento (?:da boca|dos lábios)|mundbewegung\w*|lippenbewegung\w*)",
    r"(?:change|changing|alter|altering|adjust|adjusting|modify|modifying|rework|reworking|redo|redoing|"
    r"replace|replacing|re-?time|re-?timing)\s+(?:[\w'’-]+\s){0,3}(?:lip[- ]?sync|lip movements?|mouth movements?|"
    r"mouths?|facial (?:performance|expressions?)|expressions?|performance|delivery|line readings?|emotional tone|"
    r"emotion|intent|reaction|reactions)",
    r"make (?:him|her|them|the actor|the actress|the lead|the performer|\w+) (?:say|smile|cry|laugh|look|appear|sound)",
    r"(?:new|different|unscripted|rewritten|extra|additional) (?:lines|dialogue|words) (?:\w+ ){0,4}"
    r"(?:mouth|lips|face|lip[- ]?sync)",
    r"put (?:new )?words in(?:to)? (?:[\w'’-]+ )?mouths?",
    r"(?:regenerat\w*|re-?animat\w*|re-?sync\w*|resync\w*|warp\w*) (?:[\w'’-]+\s){0,3}(?:lip[- ]?sync|lip movements?|"
    r"mouth movements?|mouths?|lips|facial (?:performance|expressions?)|expressions?|performance)",
    r"so (?:that )?(?:he|she|they|it|the (?:actor|actress|interviewee|subject|host)) (?:says|say|appears? to say|"
    r"delivers?|sounds?|looks?) (?:the |a |an )?(?:new|cleaned-up|different|rewritten|revised|updated|cleaner)",
    r"(?:angrier|sadder|happier|more (?:emotional|intense|menacing|sympathetic|likable|likeable))",
    r"(?:turn|change|shift|push) (?:the |his |her |their )?(?:read|reading|delivery|tone|performance|reaction) from",
    r"(?:look|looks|looking|appear|appears|sound|sounds) (?:more )?(?:shocked|teary|tearful|sad|angry|happy|scared|"
    r"surprised|devastated|vulnerable|warm|menacing)",
    r"(?:to|into) (?:tearful|teary|shocked|angry|sad|smiling|crying)",
    r"mundbewegung\w* .{0,60}(?:angepasst|anpassen|ändern|geändert)",
    r"(?:cambiar|modificar) (?:la )?(?:actuación|sincronización labial|expresión)",
    r"(?:changer|modifier) (?:la |le )?(?:jeu|performance|synchronisation labiale|expression)",
    r"(?:mudar|alterar) (?:a )?(?:atuação|performance|sincronia labial|expressão)",
    r"(?:veränder|änder)\w* (?:die |der )?(?:darbietung|performance|lippensynchron\w*|mimik)",
)
PERFORMANCE_CUSTOMARY = rx(
    r"cosmetic",
    r"blemish(?:es)?",
    rf"noise[- ]reduction|{CLEANUP_DENOISE}",
    r"clean(?:ing)?[- ]?up (?:the )?(?:audio|dialogue|sound)",
    r"pitch (?:correction|fix(?:es)?)",
    r"clarity",
    r"timing (?:fix|fixes|adjustments?)",
    r"continuity (?:fix|fixes)",
    r"wardrobe (?:fix|fixes)",
    r"remove (?:a |the )?(?:boom|mic|microphone|logo|wire|rig|tattoo)s?",
    r"wire removal|rig removal|beauty work|skin smoothing",
)
UNION_WORK_YES = rx(
    r"(?:replace|replacing|replaces|instead of(?: hiring| casting| booking| using| bringing back)?|in place of|"
    r"rather than(?: hiring| casting| booking| using)?|no need (?:for|to hire)|without (?:hiring|casting|booking)|"
    r"drop|dropping|lay off|laying off|let go of|do away with|(?:don'?t|do not|not|won'?t|will not|no longer) "
    r"(?:re-?hire|re-?book|renew|bring back|keep|hire|book)|stop (?:hiring|booking)|"
    r"eliminate|eliminating|reduce|reducing|fewer|save on|(?:save|saves|saving) (?:\S+ ){0,2}(?:in|on))"
    r"\s+(?:[\w'’-]+\s){0,3}(?:background (?:actors?|performers?)|bg(?: actors?| performers?| talent)?|"
    r"extras|actors?|voice (?:actors?|talent|artists?)|vo artists?|narrators?|dub(?:bing)? (?:actors?|artists?|talent|cast)|"
    r"writers?|writers' room|screenwriters?|composers?|musicians?|session (?:players|musicians)|storyboard artists?|"
    r"concept artists?|illustrators?|animators?|crew|stunt (?:performers?|doubles?)|stunt|translators?|editors?|"
    r"board artists?|boarders|story artists?|layout artists?|background painters?|colou?rists?|"
    r"background talent|crowd|in-?between(?:s|ers| pass)?|inbetweeners?|clean-?up artists?|compositors?|"
    r"roto artists?|revisionists?|(?:[\w-]+ ){0,2}(?:positions|roles|jobs|staff|department)|"
    r"(?:dramati[sz]ed )?reconstructions? with actors|reenactments? with actors)",
    r"(?:statt|anstatt|anstelle) (?:\S+ ){0,10}(?:zu )?(?:besetzen|buchen|engagieren|casten|beauftragen)|"
    r"(?:en lugar de|en vez de|au lieu de|em vez de|ao invés de) (?:contratar|llamar|engager|chamar|castear|caster|"
    r"convocar)|casting (?:\w+ ){0,3}(?:wird |is |será |sera )?(?:abgesagt|cancell?ed|cancelado|annulé)",
    r"(?:substitu\w*|sustitu\w*|reemplaz\w*|remplac\w*|remplaç\w*|ersetz\w*) (?:\w+ ){0,2}"
    r"(?:equipa|equipe|equipo|équipe|team)? ?(?:de |d'|der )?(?:intervaladores|intercaladores|intervallistes|"
    r"animadores|animateurs|animator\w*|zwischenphasen\w*|dobladores|dubladores|doubleurs|roteiristas|guionistas|"
    r"scénaristes|ilustradores|illustrateurs|músicos|musiciens|compositores|compositeurs)",
    r"(?:não|nao|no|ne|nicht) (?:vai |vamos |va |vamos a |wird |werden )?(?:chamar|contratar|convocar|llamar|engager|"
    r"embaucher|buchen|engagieren) (?:\w+ ){0,3}(?:figurantes|extras|atores|actores|comédiens|figurants|statisten|"
    r"komparsen|dubladores|dobladores)",
    r"(?:pessoas|gente|personas|multidão|multitud|foule|menschen|publikum|torcida|plateia|público) (?:\w+ ){0,2}"
    r"(?:sintétic[oa]s?|synthétiques?|synthetische?n?|virtuais|virtuales)",
    r"(?:ne plus faire appel à|se passer d[e']|au lieu d'engager|dejar de contar con|prescindir de|"
    r"deixar de contratar|dispensar|nicht mehr (?:\w+ )?(?:buchen|engagieren|beauftragen))\s+(?:[\w'’,-]+\s){0,4}"
    r"(?:comédien\w*|voix off|narrat\w+|figurants|doubleurs|scénaristes|locutor\w*|actor\w*|actriz|doblador\w*|"
    r"guionistas|dublador\w*|atores|atriz|roteiristas|sprecher\w*|synchronsprecher\w*|schauspieler\w*|statisten)",
    r"(?:multitud|multitudes|público|figuración) generad[oa] por ia|rellenar (?:\w+ ){0,3}con (?:multitud|público|"
    r"figuración|gente) generad|foule générée|figurants (?:générés|virtuels)|generierte (?:menschenmenge|statisten|"
    r"komparsen)|multidão gerada|figurantes (?:virtuais|gerados)|no hará falta el resto|plus besoin des figurants",
    r"no (?:[\w-]+ ){0,2}(?:dubbing cast|cast|extras|actors|writers|composer|voice actors?|narrator|musicians) "
    r"(?:is |are )?(?:needed|required)",
    r"(?:extras|background (?:actors?|performers?)|actors|writers|figurants|figurantes|statisten|comédiens|dubladores)"
    r" (?:\w+ ){0,3}(?:replaced|remplacés|reemplazados|sustituidos|substituídos|ersetzt)",
    r"(?:ai|gen-?ai|synthetic|digital|generated|ai-generated) (?:extras|crowds?|background (?:actors?|performers?|talent)|"
    r"crowd (?:replication|simulation)|stunt doubles?|people|spectators|fans|audiences?|humans)",
    r"(?:no |without )(?:sag |union |equity )?(?:bg |background )?waivers? (?:needed|required)|"
    r"(?:cut|cuts|cutting) (?:the |our )?(?:bg|background (?:actors?|performers?|talent)|extras)",
    r"generat(?:e|es|ed|ing) (?:the |a |an |our |all the )?(?:[\w-]+ )?(?:crowds?(?! (?:beds?|noise|walla|sounds?|sfx|"
    r"ambien\w*|audio|tracks?))|extras|background (?:actors?|performers?))",
    r"(?:write|writes|writing|rewrite|rewriting|draft|drafting|punch up|punching up|turn)\s+"
    r"(?:[\w'’-]+\s){0,5}(?:"
    + NOT_CODE
    + r"scripts?|screenplays?|teleplays?|dialogue|scenes?|episodes?|jokes|story beats|storylines?|"
    r"speeches|monologues|first-draft teleplay|(?:new )?lines)(?! synops| summar| loglines?| recaps?| descriptions?)",
    r"(?:ai|synthetic|automated) dub(?:bing|s|bed)?",
    r"dub(?:bing|bed)? (?:\w+ ){0,4}(?:with|using|by) (?:ai|synthetic|the model|" + TOOLS + r")",
    r"reemplazar (?:a )?(?:los )?(?:extras|actores|guionistas|actores de doblaje)|doblaje (?:con|por) ia",
    r"remplacer (?:les )?(?:figurants|acteurs|scénaristes|comédiens)|doublage (?:par|avec) (?:l')?ia",
    r"substituir (?:os )?(?:figurantes|atores|roteiristas|dubladores)|dublagem (?:com|por) ia",
    r"(?:ersetzen|ersetzt)\w* (?:\w+ ){0,2}(?:statisten|schauspieler|drehbuchautoren|synchronsprecher)|"
    r"ki-synchronisation|synchronisation (?:mit|durch) ki",
)
# The people whose work it would be still do it: "replaced by the composer's score before lock", "the booked narrator
# records the real track", "Tom is coming in for a proper ADR session".
UNION_WORK_NO = rx(
    r"(?:replaced|swapped|redone|re-?recorded|re-?voiced)\s+(?:[\w'’-]+\s){0,4}(?:by|with)\s+(?:the |our |a |her |his )?"
    r"(?:booked |hired |contracted |real )?(?:composer(?:'s)?|score|narrator|voice (?:actor|artist)s?|actors?|cast|"
    r"writers?|artists?|illustrators?|animators?|session musicians|musicians)",
    r"(?:the |our )?(?:booked |hired |contracted )?(?:composer|narrator|voice actors?|cast|writers?|room) "
    r"(?:writes|records|re-?records|scores|voices|does) (?:the |all |every |our )?(?:real|final|actual|whole)",
    r"(?:coming|comes|come) in for (?:a |the )?(?:proper |real )?(?:adr|recording|voice) session",
    # the performer's own take replaces the generated one: "Sam's recording replaces 100% of it"
    r"(?:[A-Z][a-z]+(?:'s|’s)|(?:the |our )?(?:narrator|actor|actress|composer|voice actor|cast|host|presenter|singer)"
    r"(?:'s|’s)) (?:real |own |final |actual )?(?:recordings?|performances?|reads?|score|vo|voice-?over|takes?|"
    r"sessions?|vocals?) (?:will )?(?:replaces?|replacing|supersedes?)",
    r"(?:voice actors?|cast|narrators?|composers?|singers?|musicians) (?:\w+ ){0,2}(?:record|records|will record|are "
    r"recording|come in to record|record the (?:real|final|actual))",
    # the plan says of the tool itself that it writes no literary material
    r"(?:tool|it|ai|model|assistant|chatbot) (?:isn'?t|is not|doesn'?t|does not|won'?t|will not|never) (?:be )?"
    r"(?:writ\w+|draft\w*|generat\w*|produc\w*) (?:any )?(?:scenes?|dialogue|lines|scripts?|pages|literary material)",
)
CONSENT_PATTERNS: list[tuple[Consent, re.Pattern[str]]] = [
    (Consent.ABSENT, CONSENT_ABSENT),
    (Consent.PENDING, CONSENT_PENDING),
    (Consent.OBTAINED, CONSENT_OBTAINED),
]
