"""The broad, high-recall layer of the fail-closed reading: risk is read broadly, lowering narrowly.

`TOUCHES` lists, per risk question of an AI-use record, the domain words a plan uses when it is anywhere near that
risk area, in the five languages read. A use whose text touches an area the precise patterns left silent (or
answered "no" somewhere else than where the mention stands) reads "unclear" there, which escalates with the
question that settles it: a touched-but-unresolved area is never a lower answer.

`CONTRAST` and `NOT_NEGATION` are the idioms that look like negations or lowering words but are neither:
"far from temporary", "rather than a placeholder", "without a doubt", "without any on-screen label".
"""

from __future__ import annotations

import re

from triage.extract.lexical.lexicon import NOT_CODE, rx
from triage.extract.lexical.rights import OWN_BRAND_WORK

# A contrast idiom right before a lowering word turns it around: "far from temporary", "anything but a temp
# track", "rather than a placeholder", "not just for the pitch", "we'll replace the temp track with ...".
CONTRAST = re.compile(
    r"(?:far from(?: being)?|anything but|rather than|instead of|in place of|not (?:only|just|merely|simply)|"
    r"more than|no longer|beyond|replac(?:e|es|ed|ing)|swap(?:s|ped|ping)? out|upgrad(?:e|es|ed|ing) (?:from|on)|"
    r"graduat(?:e|es|ed|ing) from|turn(?:s|ed|ing)? (?:the |our |this |that )?|becom(?:e|es|ing)|"
    r"lejos de(?: ser)?|en (?:lugar|vez) de|no (?:solo|sólo|solamente)|más que|"
    r"loin d'(?:être)?|au lieu d[e']|plutôt que|(?:pas|non) seulement|"
    r"longe de(?: ser)?|em vez de|ao invés de|não (?:só|apenas|somente)|"
    r"weit (?:davon )?entfernt|(?:an)?statt|anstelle|nicht (?:nur|bloß|bloss))"
    r"\s+(?:(?:a|an|the|our|this|that|these|those|just|mere|merely|some|any|of|être|ser|un|une|le|la|les|el|los|"
    r"las|o|os|as|um|uma|ein|eine|einer|einen|der|die|das|nur)\s+){0,3}$",
    re.IGNORECASE,
)
# Words that contain a negation but deny nothing the reader asks about: masked before negation is looked for.
NOT_NEGATION = rx(
    r"without (?:a|any) doubt|no doubt|sin duda|sans (?:aucun )?doute|sem dúvida|ohne (?:jeden )?zweifel",
    r"not (?:only|just|merely|simply)|non seulement|pas seulement|no (?:solo|sólo|solamente)|não (?:só|apenas)|"
    r"nicht nur",
    r"no[- ]cost|at no (?:extra )?(?:cost|charge)|no charge|no matter|no later than|not least|no question|"
    r"no problem|no worries|nothing but",
    # a shrug, not a denial: "Just a reference pass, nothing to see here", "só um detalhezinho, nada demais"
    r"nothing to see here|no big deal|nada demais|nada de mais|nada del otro mundo|rien de méchant|nichts wildes",
    r"without (?:an? |any |the |our )?(?:[\w-]+ ){0,2}(?:labels?|disclaimers?|captions?|credits?|disclosures?|"
    r"watermarks?|notices?|tags?|flags?|warnings?|mentions?|indications?|cards?|supers?)",
    r"no (?:[\w-]+[- ]){0,2}(?:labels?|disclaimers?|captions?|disclosures?|watermarks?|notices?|title cards?|supers?)",
    r"sin (?:ningún |ninguna )?(?:etiqueta|aviso|rótulo|mención|marca de agua|crédito)s?",
    r"sans (?:aucune? )?(?:mention|étiquette|avertissement|carton|filigrane|crédit)s?",
    r"sem (?:nenhum |nenhuma )?(?:aviso|rótulo|etiqueta|menção|marca d'água|crédito)s?",
    r"ohne (?:jeden |jede |einen |eine )?(?:hinweis|kennzeichnung|label|vermerk|wasserzeichen|einblendung)",
    # "episodes that haven't aired yet": a description of unreleased material, which denies nothing after it
    r"(?:that|which) (?:have|has)n'?t (?:aired|premiered|been (?:released|aired|shown|published)) yet|not yet "
    r"(?:released|aired|premiered|published|out)|(?:that|which) (?:are|is)n'?t (?:out|released|public) yet",
    r"(?:que )?(?:todavía|aún) no (?:se )?(?:han|ha) (?:estrenado|emitido|publicado|salido)|"
    r"(?:que )?(?:todavía|aún) no (?:están|está) (?:estrenad|publicad|emitid)[oa]s?",
    r"(?:qui )?ne (?:sont|est) pas encore (?:sortie?s?|diffusée?s?|publiée?s?)|pas encore (?:sortie?s?|diffusée?s?)",
    r"(?:que )?ainda não (?:estrearam|estreou|foram (?:ao ar|lançad[oa]s|exibid[oa]s)|saíram|saiu)",
    r"(?:die |das |der )?noch nicht (?:ausgestrahlt|veröffentlicht|erschienen|gesendet)(?: wurden| wurde| sind| ist)?",
    r"non (?:diffusée?s?|publiée?s?|sortie?s?)|no (?:emitid|estrenad|publicad)[oa]s?|não (?:exibid|lançad|estread)[oa]s?|"
    r"unreleased|unaired",
)

# Areas whose words name the risk itself ("the crew list", "in the style of", "the lead actor's voice"): said plainly
# (not hedged) in a use, the area is touched for certain, which needs approval. The others' words only touch it.
SAID_PLAINLY = frozenset({"real_person", "personal_data", "proprietary_input", "third_party_ip", "misleading"})

# Weaker mentions: they only make an area unclear (escalate, and ask), never a yes. Story secrets described in
# prompts ("the prompts describe the finale reveal") are the studio's confidential material in words, not its files.
HINTS: dict[str, re.Pattern[str]] = {
    "proprietary_input": rx(
        r"(?:secret|confidential|unannounced|unreleased|embargoed) (?:\w+ ){0,2}(?:format|mechanics?|concept|plot|"
        r"twist|storyline|premise|ending|details?|project)|mecánica secreta|sin anunciar|todavía no anunciad[oa]|"
        r"non annoncée?|pas encore annoncée?|ainda não anunciad[oa]|noch nicht angekündigt\w*|geheim\w*",
        r"(?:prompts?|we|they|it) (?:\w+ ){0,3}(?:describ|detail|spell|includ|contain|explain|summari[sz])\w* (?:\w+ ){0,6}"
        r"(?:concept|reveal|twist|ending|finale|plot|storyline|spoilers?|cliffhanger|mystery|killer|story)",
    ),
}

# Per risk question: the words of its area. A mention is not an answer; it only stops silence from lowering.
# Each term names the area itself (a destination, a real person, a kind of confidential input), not a word that
# merely co-occurs with it, so a plan that positively keeps a use low risk is not escalated for its vocabulary.
PEOPLE = (
    r"(?:background |voice |lead |supporting )?(?:actors?|actress(?:es)?|performers?)|cast members?|(?:our |the )?cast|"
    r"leading (?:lady|man)|(?:our |the )(?:star|lead|narrator|host|presenter|anchor|singer)|"
    r"(?:each|every|the|our|both|two) (?:kids?|child|children|teens?|minors?|applicants?|candidates?|contestants?)|"
    r"(?:who|that|which) plays|(?:the )?(?:man|woman|guy|girl|kid|boy) (?:who|that) plays"
)
LIKENESS = (
    r"voices?|faces?|likeness(?:es)?|heads?|bod(?:y|ies)|look|looks|appearance|close-?ups?|shots? of|photos? of|"
    r"images? of|pictures? of|portraits? of|renders? of|footage of|scans?|clones?|cloned|models?|avatars?|replicas?|doubles?|twins?|versions? of|sound|lines|"
    r"performances?|expressions?|mannerisms|smile|walk|voz|cara|rostro|imagen|voix|visage|rosto|imagem|stimme|gesicht"
)
INPUT_VERB = (
    r"(?:upload\w*|paste\w*|pasting|feed\w*|fed|put(?:s|ting)? (?:in|into)|drop\w* (?:in|into)|run\w* (?:through|in)|"
    r"send\w*|shar(?:e|es|ed|ing)|load\w*|import\w*|give|giving|hand(?:ed|ing)? (?:over|to)|copy\w* (?:in|into)|"
    r"based on|from|using|with|summari[sz]\w*|analy[sz]\w*|break\w* down|translat\w*|"
    r"sub(?:ir|o|imos)|pega\w*|cargar|meter|usar|con|de|"
    r"charg\w*|coll\w*|envoy\w*|importer|avec|à partir d[eu']|"
    r"carreg\w*|col(?:ar|amos)|envi\w*|com|a partir d[eo]|"
    r"hochlad\w*|hochgeladen|einfüg\w*|eingeb\w*|mit|aus)"
)
CONFIDENTIAL_NOUN = (
    r"(?:the |our |this |full |entire |whole |unreleased |raw |latest |draft |shooting |production |pilot |"
    r"episode |series |season |el |los |nuestros? |le |les |nos |notre |o |os |nossos? |das |die |unser\w* )?"
    r"(?:"
    + NOT_CODE
    + r"scripts?|screenplays?|teleplays?|script pages|(?:(?<=the )|(?<=our )|(?<=these )|(?<=those )|(?<=draft ))pages|sides|shooting (?:draft|script)|"
    r"(?<!to )(?:current |latest |first |second |new |revised )?drafts?|dailies|rushes|footage|plates|rough cuts?|assembly|cut|stills|set photos|"
    r"production (?:photos|images|art|designs?)|show bible|series bible|beat sheets?|outlines?|treatments?|exposés?|"
    r"bible (?:de la série|de la serie|da série|der serie)|(?:la )?bible|séquenciers?|escaletas?|"
    r"contracts?|deal memos?|budgets?|(?:interview |audio )?recordings?|audio files|mp3s|"
    r"guion(?:es)?|libretos?|(?:(?<=las )|(?<=nuestras )|(?<=as )|(?<=nossas ))páginas|borrador(?:es)?|metraje|brutos|transcripciones|"
    r"scénarios?|rushs|brouillons?|transcriptions|"
    r"roteiros?|rascunhos?|material bruto|transcrições|"
    r"drehb(?:u|ü)ch(?:er)?|drehbuchseiten|rohmaterial|transkript\w*|verträge|keyframes?|"
    # recorded interviews, not the word for the interviews still to be done ("preparar las entrevistas")
    r"\d+ ?(?:h|hrs?|hours|heures|horas|stunden) (?:d'|de |of |von )?(?:entretiens|entrevistas|interviews)|"
    r"(?:grabaciones|enregistrements|gravações|aufnahmen) (?:de |des |das |der )?(?:las |les |as )?(?:entrevistas|"
    r"entretiens|interviews))"
)
TOUCHES: dict[str, re.Pattern[str]] = {
    "final_output": rx(
        r"final (?:cut|version|edit|mix|deliverables?|film|episodes?|picture|show|series|master|frames?|shots?|product)",
        r"(?:the )?(?:finished|locked|released|streamed|aired|delivered) (?:cut|picture|episodes?|show|film|series|"
        r"version|master)",
        r"picture lock",
        # not "an on-screen 'TEMP GFX' watermark": a label on temp material
        r"on[- ]?screen(?! (?:[\"“'‘][^\"”'’]{0,24}[\"”'’] )?(?:watermarks?|labels?|burn-?ins?|slates?|disclaimers?|"
        r"cards?))|in[- ](?:shot|frame)|on camera",
        r"(?:will|to|gets?|going to) (?:air|stream|broadcast|premiere|ship)",
        r"(?:on|for) (?:air|broadcast|the stream)",
        r"broadcast(?:s|ing|er)?|subscribers?|(?:the )?viewers?|(?:the )?audiences?",
        r"(?:hand|deliver)(?:s|ed|ing)? (?:\w+ ){0,3}(?:to )?(?:the )?(?:streamer|network|platform|broadcaster|distributor)",
        r"(?:what|whatever) (?:\w+ ){0,3}(?:will )?(?:watch|see|hear)",
        r"deliverables?|delivery (?:master|package|files)",
        r"in(?:to)? the (?:show|episode|film|movie|series|doc|documentary)(?! (?:pitch|bible|deck))",
        r"versión final|montaje final|corte final|(?:en|la) pantalla|emisión|se emitirá|espectadores|audiencia",
        r"version finale|montage final|à l'écran|diffusée?s? (?:sur|à|en)|spectateurs|téléspectateurs",
        r"versão final|corte final|na tela|exibição|será exibid[oa]|espectadores|telespectadores",
        r"endfassung|sendefassung|endschnitt|finale[nr]? (?:fassung|schnitt)|ausstrahlung|ausgestrahlt|zuschauer\w*|"
        r"auf dem bildschirm|im bild",
    ),
    "real_person": rx(
        rf"(?:{LIKENESS})\s+(?:[\w'’-]+\s+){{0,4}}?(?:{PEOPLE})",
        rf"(?:{PEOPLE})(?:'s|’s|s'|')?\s+(?:[\w'’-]+\s+){{0,3}}?(?:{LIKENESS})",
        r"(?:voice|face|likeness|body|smile|walk|mannerisms?) (?:of|belonging to|from) (?:our |the |a |an )?(?:real |"
        r"lead|star|actor|actress|cast|performer|host|narrator|presenter|(?-i:[A-Z]))",
        r"(?-i:[A-Z][a-z]+)(?:'s|’s) (?:voice|face|likeness|mannerisms)",  # not "Grace Heron's walk cycle": a character's
        r"(?:his|her|their) (?:voice|face|likeness)",
        r"(?:the )?late (?-i:[A-Z])\w+|deceased|(?:his|her|their) estate",
        r"(?:real|actual|living) (?:person|people|individuals?)|public figures?|celebrit(?:y|ies)|politicians?",
        r"actor(?:es)?|actriz|actrices|elenco|reparto|su voz|su cara|su rostro",
        r"acteurs?|actrices?|comédien(?:ne)?s?|sa voix|son visage",
        r"atore?s|atriz(?:es)?|elenco|sua voz|seu rosto",
        r"schauspieler\w*|darsteller\w*|besetzung|seine stimme|ihre stimme|sein gesicht|ihr gesicht",
    ),
    "personal_data": rx(
        r"(?:crew|cast|contact|extras|staff|talent) (?:lists?|sheets?|details|contacts?|database)",
        r"contact (?:details|info|information)|phone (?:numbers?|list)|mobile numbers?|(?:home |e-?mail )addresses",
        r"names (?:and|of|&)|real names|full names",
        r"call ?sheets?",
        r"self-?tapes?|audition (?:tapes?|videos?)|diagnos[ie]s|medical|health (?:records|information|data)|passports?|dates? of birth|social security|bank details",
        r"(?:interview|audition) (?:tapes?|transcripts?|recordings?|footage|notes)|transcripts? of",
        r"(?:asked for|requested|demandé|pidieron|pediram|gebeten um) (?:l')?(?:anonymity|anonymat|anonimato|anonymität)|"
        r"(?:témoins?|testigos?|testemunhas?|zeug(?:en|innen)) (?:de l'affaire|del caso|do caso|im fall)|"
        r"(?:h|hrs?|hours|heures|horas|stunden|std\.?) (?:of |d'|de |von )?(?:entretiens|entrevistas|interviews)",
        # what anonymised contributors say about their health: "anonymisés … parlent de leur santé"
        r"anonymi[sz]\w*|anonimizad[oa]s?|anonymisiert\w*|(?:leur|sa|son|su|sus|sua|seu|their|his|her|ihre?r?) "
        r"(?:santé|salud|saúde|gesundheit|health|medical history|antécédents médicaux)",
        r"(?:residents?|neighbou?rs?|locals|participants?|contestants?|contributors?|interviewees?|survivors?|"
        r"victims?|witnesses|patients|minors|children|employees)(?:'s|')? (?:\w+ ){0,2}(?:names|details|stories|"
        r"interviews?|testimon\w*|transcripts?|footage|photos|data|answers|messages)",
        r"(?:interviews?|conversations?|entrevistas?|entretiens?) (?:\w+ ){0,2}(?:with|con|avec|com|mit) (?:\w+ ){0,2}"
        r"(?:residents?|neighbou?rs?|locals|participants?|survivors?|victims?|witnesses|famil\w*|patients|clients|vecinos|voisins|vizinhos|"
        r"nachbarn|anwohner\w*|habitants|moradores|residentes)",
        r"(?:contracts?|contratos?|contrats?|verträge|vertrag|deal memos?) (?:\w+ ){0,2}(?:of|for|with|de|des|du|da|do|dos|"
        r"der|des|von) (?:\w+ ){0,2}(?:the |our |los |las |les |os |as |die )?(?:\w*actor\w*|\w*actress\w*|cast|crew|"
        r"performers?|talent|actores|actrices|acteurs|comédiens|atores|atrizes|elenco|\w*darsteller\w*|"
        r"\w*schauspieler\w*|mitarbeiter\w*|team)",
        r"personal (?:data|details|information)|datos personales|données personnelles|dados pessoais|"
        r"personenbezogen\w*|persönliche daten",
        r"transcripciones de (?:las )?entrevistas|transcriptions? des entretiens|transcrições das entrevistas|"
        r"interview-?transkript\w*",
    ),
    "proprietary_input": rx(
        INPUT_VERB + r"\s+(?:\S+\s+){0,4}?" + CONFIDENTIAL_NOUN,
        CONFIDENTIAL_NOUN + r"\s+(?:[\w'’-]+\s+){0,4}?(?:into|in|to|through|via|en|dans|no|na|in) (?:[\w'’-]+\s+){0,2}?"
        r"(?:the |la |le |o |a |die |das )?(?:tool|ai|ia|ki|model|modelo|modèle|modell|app|chatbot|assistant|llm|"
        r"generator|system|platform|outil|herramienta|ferramenta|werkzeug|plateforme|plataforma|serviço|service|servicio|"
        r"site|sitio|website)",
    ),
    "third_party_ip": rx(
        r"(?:in )?the style of|(?:look|style|feel|vibe) of (?-i:[A-Z])|à la (?-i:[A-Z])|homage to|inspired by|"
        r"in the vein of|reminiscent of|lookalike of|knock-?off",
        # a famous work or person, not "well-known public history"
        r"(?:famous|iconic|well-known|celebrated|legendary) (?:[\w'’-]+ ){0,2}(?:photo\w*|paintings?|films?|movies?|songs?|"
        r"tracks?|albums?|artists?|painters?|photographers?|directors?|actors?|actress\w*|singers?|characters?|franchises?|"
        r"brands?|logos?|designers?|illustrators?|works?|scenes?|shots?|images?|posters?|people|person|figures?|"
        r"celebrit\w+|faces?|voices?|musicians?|bands?|composers?|authors?|books?|shows?|series)",
        rf"copyright\w*|trademark\w*|(?:real |existing |famous |known )?brands?{OWN_BRAND_WORK}|logos?|branded",
        r"(?-i:[A-Z][a-z]+)(?:'s|’s|'|’) (?:\w+ )?(?:style|look|films?|paintings?|photos?|photographs?|art|artwork|work|"
        r"songs?|music|aesthetic|illustrations?|books?)",
        r"(?:scan|scann|grab|ripp|scrap|download|pull)\w* (?:\S+ ){0,6}(?:from|of|out of|off) (?:his|her|their|(?-i:[A-Z])\w+(?:'s|'|’s)?) "
        r"(?:\w+ )?(?:books?|work|art|films?|paintings?|illustrations?|photos?|albums?|portfolio|site|website)",
        r"(?:named|specific|living|real|particular) (?:artists?|painters?|photographers?|illustrators?|directors?)",
        r"al estilo de|estilo de (?-i:[A-Z])|inspirad[oa] en|famos[oa]|marcas?",
        r"(?:dans )?le style de|à la manière de|inspiré(?:e)? de|célèbre|marques?",
        r"no estilo de|inspirad[oa] em|famos[oa]|marcas?",
        r"im stil(?:e)? (?:von|de[rs])|inspiriert von|berühmt\w*|marken?",
    ),
    "union_work": rx(
        r"instead of (?:hiring|booking|casting|paying|bringing (?:in|back))|no need (?:for|to (?:hire|book|cast))|"
        r"without (?:hiring|booking|casting)|save on (?:talent|cast|extras|crew|session|voice)",
        r"(?:synthetic|digital|ai|generated|virtual)[- ](?:performers?|actors?|extras|crowds?|voices?|narrators?|singers?|"
        r"musicians?|presenters?|hosts?|background)",
        r"(?:ai|chat\s?gpt|claude|gemini|the (?:tool|model|generator|llm))[- ](?:written|writes|drafts|rewrites|"
        r"generated (?:lines|dialogue|scenes?|jokes|scripts?))",
        r"(?:generate|write|draft|rewrite|punch up)s? (?:[\w'’-]+ ){0,3}(?:lines|dialogue|scenes?|jokes|monologues?|"
        + NOT_CODE
        + r"scripts?|episodes?|teleplays?)",
        r"(?:écrire|rédiger|dialoguer) (?:[\w'’-]+ ){0,4}(?:dialogues?|scènes?|séquences|répliques|version dialoguée)|"
        r"(?:escribir|redactar) (?:\w+ ){0,4}(?:diálogos?|escenas?|secuencias)|(?:escrever|redigir) (?:\w+ ){0,4}"
        r"(?:diálogos?|cenas?|sequências)|(?:dialoge?|szenen) (?:\S+ ){0,6}(?:schreiben|verfassen|ausformulieren)",
        r"(?:replac\w*|swap\w* out|substitut\w*) (?:[\w'’-]+ ){0,3}(?:actors?|actress\w*|performers?|extras|"
        r"voice (?:actors?|talent)|narrators?|writers?|composers?|musicians?|singers?|dubbing|crew|artists?|animators?)",
        r"reemplaz\w* (?:a )?(?:los |las )?(?:actores|extras|figurantes|guionistas)|"
        r"remplac\w* (?:les )?(?:acteurs|figurants|comédiens|scénaristes)|"
        r"substitu\w* (?:os )?(?:atores|figurantes|roteiristas|dubladores)|ersetz\w* (?:\w+ ){0,2}(?:schauspieler|"
        r"statisten|sprecher|drehbuchautor\w*)",
    ),
    "misleading": rx(
        r"archiv(?:al|e)[- ](?:style|looking|like)|(?:fake|faux|mock|fabricated|generated|recreated|synthetic)[- ]"
        r"(?:archiv\w*|news\w*|footage|photos?|interviews?|home (?:video|movies?)|documents?|evidence)",
        r"(?:looks?|feel|feels|pass(?:es|ed)?(?: off)?) (?:\w+ ){0,2}(?:real|authentic|genuine|like (?:real|actual|"
        r"archival|news))",
        r"photo-?real(?:istic)? (?:\w+ ){0,3}(?:of|showing|depicting)|indistinguishable from",
        r"(?:cut|mix|blend|intercut|edit|splice)\w* (?:\w+ ){0,3}(?:in )?(?:with|into|alongside|among) (?:the )?(?:\w+ )?"
        r"(?:genuine|real|actual|archival|authentic|historical|original) (?:\d+ )?(?:\w+ ){0,2}(?:footage|photos?|"
        r"images|recordings?|material)",
        r"(?:recreat|reconstruct|re-?enact)\w* (?:the |a |an |his |her |their )?(?:real|actual|historical|true|"
        r"moment|events?|scenes? of|crime|call|interview|speech)",
        r"(?:real|actual) (?:journalists?|reporters?|anchors?|news)",
        r"never (?:happened|said|took place)",
        r"(?:imágenes|fotos|material) de archivo|images d'archives?|imagens de arquivo|archivaufnahmen|archivbilder|"
        r"reconstrucci\w*|reconstitution|reconstituição|nachgestellt\w*",
    ),
    "key_creative": rx(
        r"main (?:character|characters|villain|creature|monster|location|setting)|title (?:character|creature)",
        r"protagonist|antagonist|villain|(?:the )?creature(?! silhouettes| (?:growls?|sounds?|sfx|noises?|vocals?|chirps?|"
        r"roars?|calls|grunts?|foley))|monster|mascot",
        r"(?:central|key|pivotal|crucial) (?:to|in) (?:the )?(?:plot|story|narrative|episode|scene)",
        r"(?:drives?|driving|moves?) the (?:plot|story)|plot point|story point|clue",
        r"read (?:aloud|out)|reads? (?:it |them )?(?:aloud|out loud|on camera)",
        r"hero (?:prop|props|shot|creature|character|asset)|key (?:visual|art|prop|character|location)",
        r"personaje principal|protagonista|hilo de la trama|lee en voz alta|lu à voix haute|lida em voz alta|"
        r"personnage principal|personagem principal|hauptfigur|vorgelesen|liest (?:\w+ )?vor",
    ),
    "performance_alteration": rx(
        r"lip[- ]?sync\w*|mouth (?:movements?|shapes)|facial (?:performance|expressions?)|line readings?",
        r"(?:change|alter|adjust|tweak|fix|redo)\w* (?:\w+ ){0,3}(?:delivery|performance|expression|reaction|emotion\w*|"
        r"what (?:she|he|they) says?|the read)",
        r"re-?voic\w*|new (?:lines|words|dialogue) (?:in|into|for) (?:\w+ )?(?:mouth|lips)",
        r"intonation|inflection|emphasis|emotional (?:tone|colou?r)|(?:sound|sounds|read|reads|come across)"
        r" (?:\w+ )?(?:angrier|sadder|happier|warmer|colder|calmer|more \w+)|angrier|sadder",
        r"sincronizaci[oó]n labial|synchronisation labiale|sincronia labial|lippensynchron\w*",
        r"entonaci[oó]n|entonação|betonung|färbung|tonfall|wütender|trauriger|fröhlicher|más (?:enfadad|triste|alegre)\w*|"
        r"plus (?:en colère|triste|joyeu)\w*|mais (?:zangad|triste|alegre)\w*",
    ),
    "unowned_training": rx(
        r"datasets?|data sets?|training (?:data|set|images|material)|fed (?:on|with)|learns? (?:from|on)",
        r"(?:style|voice|face|performance|likeness) models?",
    ),
}
