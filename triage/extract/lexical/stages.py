"""What a use is for (its stage) and what it makes (its media), and the office documents and literary material a writing use may name."""

from __future__ import annotations

import re

from triage.extract.lexical.lexicon import NOT_CODE, rx
from triage.records import Media, Stage

STAGE_PATTERNS: list[tuple[Stage, re.Pattern[str]]] = [
    (
        Stage.TEMP,
        rx(
            r"temp(?:orary)? (?:music|score|cues?|vo|voice|voices|track|tracks|dialogue|comp|comps|vfx|shots?|"
            r"sound|sfx|audio|narration|edit)",
            r"scratch (?:track|vo|voice|audio|narration)",
            r"placeholders?|platzhalter\w*",
            r"guide (?:track|vo|voice)",
            r"(?:montage|montaje|montagem|schnitt|corte|mezcla|mistura) (?:provisoire|provisional|provis[óo]ri[oa]|"
            r"temporal|temporári[oa]|temporaire|vorläufig)|temp-?schnitt|"
            r"música temporal|musique temporaire|"
            r"música temporária|temp-?musik",
        ),
    ),
    (
        Stage.PREVIS,
        rx(
            r"pre-?vis(?:ualization|ualisation)?|prévisu",
            r"animatics?|animatiques?|animáticas?|animatik",
            r"storyboards?",
            r"blocking",
            r"previsuali[sz]aci[oó]n|prévisualisation|previsualização",
        ),
    ),
    (
        Stage.PITCH,
        rx(
            r"pitch(?:es|ing)? (?:deck|document|materials|trailer|reel|video|meeting)s?",
            r"(?:for|in) (?:the|our|a) (?:[\w-]+ ){0,2}pitch",  # "for the season 2 pitch"
            r"pitch(?:ing)? to (?:the )?(?:network|buyers|studio|streamer)",
            r"sizzle(?: reel)?",
            r"look ?book",
            r"(?:tone|mood|sizzle) reels?|rip-?o-?matics?",
            r"for (?:buyers|financiers|the network)",
            r"(?:funding|investor|pitch|sales|financing|greenlight|development|dev) decks?|decks? for (?:buyers|investors|"
            r"financiers|funders)|format pitch|(?:for|in|into) (?:the|our|a|an) (?:[\w-]+ )?deck(?! of)|deck only",
            r"(?:deck|dossier|apresentação|presentación|présentation) de pitch|pitch-?(?:deck|präsentation)",
        ),
    ),
    (
        Stage.IDEATION,
        rx(
            r"mood ?boards?",
            r"brainstorm(?:s|ing|er)?|thinking aid|sounding board|bounc\w* (?:around|off)|images? d'ambiance|"
            r"imágenes de ambiente|imagens de ambiente|stimmungsbilder|ideensammlung|ideenfindung|lluvia de ideas|"
            r"remue-méninges|chuva de ideias",
            # suggesting names or titles: "schlägt nur Titel für die Quizrunden vor", "suggest names for the village"
            r"(?:schlägt|schlagen) (?:\w+ ){0,2}(?:titel|namen|ideen|varianten|optionen) (?:\w+ ){0,4}vor|suggest(?:s|ing)? (?:\w+ ){0,2}(?:names|titles)|"
            r"propos\w* (?:des |quelques )?(?:noms|titres)|suger\w* (?:\w+ ){0,2}(?:nombres|títulos|nomes)",
            r"ideation",
            # "spitball tagline directions", "trouver des noms rigolos pour les épreuves", "tagline options"
            r"spitball\w*|(?:find|finding|trouver|encontrar|achar|finden) (?:\w+ ){0,2}(?:names|noms|nombres|nomes|namen|"
            r"titles|titres|títulos|titel)|tagline (?:ideas|options|directions|routes)|(?:ideias|ideas|idées) de tagline",
            r"ideas",
            r"inspiration",
            r"concept(?:s| exploration| ideas)",
            r"explor(?:e|ing) (?:looks|ideas|options|concepts)",
            r"(?:explor\w*|test\w*|try(?:ing)? out|prob\w*|suggest\w*|suger\w*|sugg[éè]r\w*|propo[sn]\w*|vorschlag\w*|"
            r"vorzuschlagen) (?:des |de |las |los |as |os |die |the |some |a few |\w+ )?"
            r"(?:colou?r |couleurs? )?palett?\w*",
            r"(?<!as the )(?<!as a )(?<!as )reference (?:images?|boards?|material|library|libraries)",  # not "the cover as the reference image"
            r"(?:it'?s|is|are|as) (?:a |our )?reference(?: material)? for|reference for (?:our|the) (?:own )?(?:team|"
            r"department|crew|fittings?|artists?|painters?|designers?)|planches? de réf\w*|(?:de la )?réf en interne|"
            r"(?:a |long )?lists? of (?:[\w\"“”'-]+ ){0,2}(?:moods|ideas|descriptors|keywords|search terms|options|directions)|"
            r"(?:reference|references) only|only (?:as |for )?(?:a )?reference|(?:just|purely|strictly) (?:for |as )?(?:a )?"
            r"references?|atmosphere images?|atmospheric (?:images?|frames?|stills?)|(?:to )?(?:align|agree|get aligned) "
            r"(?:\w+ ){0,4}on (?:the )?(?:feel|look|tone|mood|vibe)",
            r"references",
            r"(?:era|period|costume|wardrobe|location|set|prop|props|hair|make-?up|style) (?:reference|refs?)|refs|"
            r"reference pulls?",
            r"ideias|idées|ideen",  # plural: generating ideas; "if you like the idea" is a proposal, not ideation
            r"early (?:looks|concepts)",
            r"tableros? de inspiración|lluvia de ideas|planches? d'ambiance|remue-méninges|"
            r"painéis? de referência|moodboards?|ideen(?:findung)?|inspiración|inspiração",
            r"(?:só|apenas|solo|sólo|solamente|juste|seulement|nur) (?:(?:uma|una|une|de la|als|eine) )?"
            r"(?:referência|referencia|référence|referenz)s?",
            r"referências? visua(?:l|is)|referencias? visual(?:es)?|références? visuelles?|"
            r"(?:umas|unas|algumas|algunas|des|quelques|einige|ein paar|some|a few|nuevas|novas) (?:\w+ )?(?:referências|"
            r"referencias|références|referenzen|references)|referencias de lookdev|lookdev references?|"
            r"(?:imágenes|imagens|images|fotos|photos) de (?:référence|referencia|referência)|(?:sirven?|servem?|servent?|dienen?) "
            r"(?:\w+ )?(?:de|como|comme|als|d'|pour) (?:referencia|referência|référence|referenz)|"
            r"referenzbilder|\w*(?:stimmungs|licht|farb|look|bild)referenz\w*|"
            r"referencias? de (?:luz|iluminación|ambiente|color|texturas?|vestuario|época|movimiento|poses?)|"
            r"références? (?:de lumière|d'ambiance|de couleur|de textures?|de costumes?|de mouvement)|"
            r"referências? de (?:luz|iluminação|clima|cor|texturas?|figurino|época|movimento)|"
            r"(?:textur|farb|kostüm|bewegungs)referenz\w*",
            r"mood (?:images?|frames?|pieces|stills)|(?:texture|motion|pose|lighting|colou?r|animal|movement) reference|"
            r"reference (?:clips?|jpgs?|photos?|frames?|stills?|textures?|videos?)|mock-?ups?|(?:quick |rough |3d |a )mocks?|(?:rough|loose|quick|early) (?:concepts?|sketches|ideas|"
            r"explorations?)|explorations?|sketch(?:es)?|(?:camera|layout|angle|composition|colou?r|mood|lighting|value|concept)(?:[- ]\w+)? thumbnails?|\w*(?:kamerawinkel|perspektiv|layout|farb)\w*-thumbnails?|"
            r"(?:general |background |documentary |desk )?research|recherches? documentaires?|investigación documental|"
            r"pesquisa|recherche|bocetos|esbozos|croquis|esquisses|esboços|skizzen|maquet(?:a|as|ar|ear|tes?)|maquetes?",
            # research that prepares the real work: "temas con los que preparar las entrevistas"
            r"(?:prepare|prep) (?:for )?(?:the )?interviews?|(?:preparar|prepárar) (?:las |la |as |a )?entrevistas?|"
            r"préparer (?:les |l')?(?:entretiens?|interviews?)|interviews? vor(?:zu)?bereiten|"
            r"(?:carpeta|equipo|fase|trabajo|pasta|equipe) de (?:investigación|pesquisa)",
        ),
    ),
    (
        Stage.MARKETING,
        rx(
            r"trailers?",
            r"teasers?",
            r"key art",
            r"one-?sheets?",
            r"posters? for (?:the )?"
            r"(?:campaign|release|launch|marketing)",
            r"social (?:media|campaign|posts?|ads?|assets?)",
            r"marketing",
            r"promos?",
            r"promotional",
            r"thumbnails? for (?:the )?(?:campaign|platform|"
            r"service|marketing|launch)",
            r"billboards?",
            r"press kits?",
            r"campaña|campagne|campanha|kampagne|tráiler|bande-annonce",
        ),
    ),
    (
        Stage.DUBBING,
        rx(
            r"dub(?:s|bing|bed)?",
            r"locali[sz](?:e|ed|ing|ation)",
            r"subtitl(?:e|es|ing)",
            r"foreign[- ]language (?:versions?|tracks?)",
            r"doblaje|doublage|dublagem|synchronisation|synchronfassung",
        ),
    ),
    (
        Stage.POST_VFX,
        rx(
            r"vfx",
            r"visual effects",
            r"post(?:-production| production)?",
            r"composit(?:e|ing)",
            r"roto(?:scop\w*)?",
            r"clean-?up",
            r"de-?ag\w*",
            r"face[- ]?(?:swap|replacement)",
            r"set extensions?",
            r"matte paintings?",
            r"upscal\w*",
            r"colou?r[- ]?grad\w*",
            r"restor(?:e|ation)",
            r"wire removal",
            r"crowd (?:replication|simulation)",
            r"digital (?:doubles?|replicas?)",
            r"visual adr",
            r"lip[- ]?sync\w*",
            r"shots?(?! ?lists?)",  # a shot list is a planning document
            r"posproducción|"
            r"postproduction|pós-produção|postproduktion|efectos visuales|effets visuels",
        ),
    ),
    (
        Stage.PRODUCTION,
        rx(
            r"on set",
            r"during (?:the )?(?:shoot|production|filming)",
            r"virtual production",
            r"led (?:wall|volume)",
            r"(?:background )?plates?",
            r"in-camera",
            r"principal photography",
            r"rodaje|tournage|filmagem|dreh",
        ),
    ),
    (
        Stage.SOUND,
        rx(
            r"adr",
            r"sound design",
            r"foley",
            r"score",
            r"music",
            r"soundtrack",
            r"(?:final )?mix",
            r"dialogue (?:editing|replacement)",
            r"voice-?overs?",
            r"narrat(?:ion|or)",
            r"sfx",
            r"sound effects",
            r"audio",
            r"songs?",
            r"música|musique|musik|trilha sonora|bande originale",
        ),
    ),
    (
        Stage.WRITING,
        rx(
            NOT_CODE + r"scripts?",
            r"screenplays?",
            r"teleplays?",
            r"dialogue",
            r"rewrites?",
            r"drafts?(?!\s*(?:v|version |#)?\s*\d)",  # "(draft v2)" is a document's version
            r"outlines?",
            r"treatments?",
            r"story beats",
            r"writers' room",
            r"guion(?:es)?|scénario|roteiro|drehbuch",
        ),
    ),
    (
        Stage.ADMIN,
        rx(
            r"schedul(?:e|es|ing)",
            r"call ?sheets?",
            r"shot ?lists?",
            r"translat(?:e|ed|ing|ion)",
            r"transcrever|transcribir|transcrire|transkribier\w*",
            r"notas de voz|notes vocales|sprachnotizen|voice memos?",
            r"budget(?:s|ing)?",
            r"emails?",
            r"meeting notes",
            r"logistics",
            r"paperwork",
            r"transcri(?:be|bing|ption|pts?)",
            r"admin(?:istrative)?",
            r"spreadsheets?",
            r"shooting order|(?:re)?shuffl\w* (?:the )?(?:schedule|shooting order|days|scenes)|stripboards?|one-?liners?|"
            r"intranet|icons? for (?:the )?(?:internal|crew|office)",
            r"(?:code )?autocomplete|code completion|coding|(?:python|shell|bash|render|pipeline) scripts?|render farm|"
            r"glossar(?:y|ies)?|glosarios?|glossaires?|glossários?|templates?|plantillas?|modèles de documents|"
            r"vorlagen|checklists?|checklisten?|packlisten?|cronogramas?|calendriers?|zeitpl(?:a|ä)ne?",
            r"summar(?:y|ies|i[sz]e) (?:of )?(?:meetings?|notes)",
            r"regulations?|regulamentos?|reglamentos?|réglementations?|vorschriften|bylaws?|ordinances?|"
            r"permits?|permisos? de rodaje|autorisations de tournage|drehgenehmigung\w*",
        ),
    ),
]

# A document that is office work, not literary material: "draft a generic safety-briefing checklist template".
OFFICE_DOCUMENT = rx(
    r"glossar(?:y|ies)?|glosarios?|glossaires?|glossários?|templates?|plantillas?|modèles de documents|vorlagen|"
    r"checklists?|checklisten?|packlisten?|cronogramas?|calendriers?|zeitpl(?:a|ä)ne?|memos?|invoices?|forms?|"
    r"spreadsheets?|emails?|newsletters?|agendas?|minutes|briefing notes?|safety (?:briefing|plan)s?|faqs?|"
    r"casting calls?|press releases?|job (?:ads?|posts?|postings|descriptions?)|cover letters?|announcements?|"
    r"handbooks?|manuals?|itinerar(?:y|ies)|shot ?lists?"
)
LITERARY = rx(
    NOT_CODE
    + r"scripts?|screenplays?|teleplays?|scenes?|dialogues?|episodes?|pages|outlines?|treatments?|bibles?|beats|"
    r"lines|monologues?|jokes|guion(?:es)?|escenas?|diálogos?|scénarios?|scènes?|roteiros?|cenas|drehb(?:u|ü)ch\w*|"
    r"szenen|dialoge?"
)

MEDIA_PATTERNS: list[tuple[Media, re.Pattern[str]]] = [
    (
        Media.IMAGE,
        rx(
            r"images?",
            r"pictures?",
            r"photos?",
            r"photographs?",
            r"stills?",
            r"illustrations?",
            r"concept art",
            r"posters?",
            r"key art",
            r"mood ?boards?",
            r"storyboards?",
            r"artwork",
            r"signs?",
            r"signage",
            r"textures?",
            r"matte paintings?",
            r"imágenes|imagens|bilder|fotos",
        ),
    ),
    (
        Media.VIDEO,
        rx(
            r"videos?",
            r"footage",
            r"shots?(?! ?lists?)",
            r"plates?",
            r"clips?",
            r"animation",
            r"sequences?",
            r"scenes?",
            r"b-roll",
            r"trailers?",
            r"vfx",
            r"de-?ag\w*",
            r"face[- ]?swap\w*",
            r"crowds?",
            r"extras",
            r"lip[- ]?sync",
            r"vídeo|vidéo|metraje|aufnahmen",
        ),
    ),
    (
        Media.VOICE,
        rx(
            r"voices?",
            r"dialogue",
            r"adr",
            r"narration",
            r"voice-?overs?",
            r"vo",
            r"lines",
            r"dub(?:bing|bed|s)?",
            r"speech",
            r"voz|voix|stimme",
        ),
    ),
    (Media.MUSIC, rx(r"music", r"score", r"songs?", r"soundtrack", r"jingles?", r"música|musique|musik")),
    (Media.AUDIO, rx(r"sound effects", r"sfx", r"foley", r"ambience", r"audio", r"sound design")),
    (
        Media.TEXT,
        rx(
            r"text",
            r"copy",
            NOT_CODE + r"scripts?",
            r"subtitles?",
            r"captions?",
            r"summar(?:y|ies)",
            r"emails?",
            r"headlines?",
            r"letters?",
            r"documents?",
            r"newspapers?",
            r"schedules?",
            r"notes",
            r"loglines?",
            r"titles",
        ),
    ),
    (Media.MODEL_3D, rx(r"3d", r"meshes", r"models? of (?:the )?(?:set|creature|prop)", r"assets?")),
]
