"""Phrase patterns the offline extractor reads plans with: English first, Spanish, French, Portuguese and German.

This module holds what every question shares: the pattern builder, AI cues and tools, how a plan is laid out (forms,
chat lines, headings, asides, dropped proposals), negation, conditions, hedges and injected instructions. The
patterns for each question live beside it: final_status.py, people.py, inputs.py, rights.py and stages.py. Patterns
are data; triage/extract/lexical/reader.py decides scope, negation and hedging around them.
"""

from __future__ import annotations

import re

FLAGS = re.IGNORECASE | re.UNICODE


def rx(*parts: str) -> re.Pattern[str]:
    """One case-insensitive alternation, word-bounded at both ends; `[A-Z]` stays case-sensitive (proper nouns)."""
    body = "|".join(parts).replace("[A-Z]", "(?-i:[A-Z])")
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", FLAGS)


# A story's "script", not a Python, shell or render one: put right before "scripts?" in a pattern.
NOT_CODE = (
    "(?<!python )(?<!shell )(?<!bash )(?<!render )(?<!code )(?<!maya )(?<!nuke )(?<!houdini )(?<!pipeline )(?<!batch )"
)

TOOLS = (
    r"midjourney|runway(?:\s?ml)?|eleven\s?labs|chat\s?gpt|gpt-?[45o][\w.-]*|openai|claude|gemini|copilot|"
    r"stable\s?diffusion|sdxl|comfy\s?ui|dall-?e|sora|veo|kling|pika|luma(?:\s?ai)?|flux|firefly|adobe\s?firefly|"
    r"generative\s?fill|suno|udio|aiva|heygen|synthesia|d-id|respeecher|resemble(?:\s?ai)?|descript|topaz|"
    r"wonder\s?dynamics|wonder\s?studio|flawless|deepdub|papercup|rask|metaphysic|deep\s?voodoo|krea|leonardo(?:\s?ai)?|"
    r"ideogram|cuebric|move\s?ai|cascadeur|whisper|otter|perplexity|llama|mistral|deepseek|grok|nano\s?banana|"
    r"magnific|kaiber|elevenlabs|murf|play\.ht|wellsaid|lalal\.ai|izotope|krisp|photoshop|grammarly|notion ai|"
    r"fireflies|trint|rev\.com|deepl|google translate|canva|capcut|pictory|invideo|lumen5|colossyan|captions\.ai|"
    r"notebook\s?lm|meta ai|dreamstudio|nightcafe|playground ai|bing image creator|image creator|character\.ai"
)

# A segment mentions a generative-AI use.
# "per the GenAI guidance", "Otter is an AI tool": talk about AI that describes no use of it.
AI_META = rx(
    r"(?:gen\s?-?ai|genai|generative ai|a\.?i\.?|ai) (?:guidance|policy|policies|guidelines|rules|principles|"
    r"requirements|disclosure|section|form|question(?:naire)?s?|log|logs|log ?book|register|tracker|inventory|"
    r"sign-?off|bit)",
    # "Flagging a small GenAI use so it's on your radar": the message announces the use it goes on to describe
    r"(?:flagging|logging|sharing|noting|declaring|reporting|registering) (?:a |one |our |two |the following |this )?"
    r"(?:small |quick |minor |low-risk |new )?(?:gen\s?-?ai |ai )?uses?",
    # "for the GenAI log", "registro de IA", "journal IA", "KI-Protokoll": the record the plan is written for
    r"(?:registro|registo|journal|relevé|inventario|inventário) (?:de |d'|da |do )?"
    r"(?:uso (?:de |da )?)?(?:ia|l'ia|gen\s?-?ia)",
    r"ki-?(?:protokoll|log|register|liste|meldung|richtlinien?)",
    r"(?:is|are|counts as|count as|as) (?:an? |technically an? )?(?:ai|a\.?i\.?|gen\s?-?ai|generative)(?:-powered| powered)?"
    r" (?:tool|tools|product|feature|app|service)s?",
)
AI_CUE = rx(
    TOOLS,
    r"a\.?i\.?(?:-\w+)?",
    r"gen\s?-?ai",
    r"generative",
    r"genai",
    r"machine[- ]learning",
    r"llms?",
    r"neural",
    r"(?:voice|face)[- ]?(?:clone|cloning|cloned|model|swap|swapping|replacement)",
    r"clon(?:e|es|ed|ing)",
    r"deep\s?fakes?",
    r"de-?ag(?:e|ed|ing)",
    r"re-?ag(?:e|ed|ing)",
    r"digital (?:double|replica|twin|human|avatar)s?",
    r"synthetic (?:voice|voices|actor|actors|performer|performers|crowd|extras|media|footage|images?)",
    r"synthetische \w*stimmen?|voz(?:es)? sintética|voix (?:de synthèse|synthétiques?)|vozes sintéticas",
    r"text[- ]to[- ](?:image|video|speech|music)",
    r"image generator|video generator|generated|generat(?:e|es|ing)|fine-?tun(?:e|ed|ing)|lora",
    r"(?:bild|video|stimm|musik)generator(?:en)?|générateurs? d'(?:images?|vidéos?)|generador(?:es)? de (?:imágenes|vídeo|video|voz)|"
    r"geradore?s? de (?:imagens|vídeo|voz)",
    r"train(?:ed|ing)? (?:a |an |our |the )?(?:custom |own )?models?",
    r"(?:speech|voice|image|video|text)-to-(?:speech|voice|image|video|text)",
    r"(?:ml|ai|generative|diffusion|video|image|voice|face|language|speech|likeness|interpolation|clean-?up|rvc) "
    r"(?:and (?:voice|face|video|image) )?models?",
    r"visual adr",
    r"(?:the|a|an|our|their) (?:image |video |voice |face |music |song |text )?generators?",
    r"(?:performance|likeness|avatar|replica|synthetic[- ]\w+) models?",
    r"synthetic (?:\w+ ){0,2}(?:version|performance|recreation|double|copy)|digitally (?:recreat|rebuil|generat|"
    r"alter|swap|replac)\w*|(?:rebuil|recreat)\w* (?:digitally|synthetically|with software)",
    r"(?:face|voice|head)[- ]?(?:swap|replacement|transfer)s?",
    r"\[(?:ai |genai |the )?tool(?: name)?\]|text[- ]to[- ](?:3d|audio|sound|voice|sfx)",
    r"(?:video|image|audio|voice|music|text|sound|ai|3d) generation(?: tools?| models?| software| apps?)?|"
    r"apps? (?:\w+ )?de (?:generación de |geração de )?(?:imágenes|imagens|ia|vídeo)|"
    r"génération (?:audio|d'images|vidéo|de (?:sons|voix|musique))|generación de (?:imágenes|vídeo|video|audio|voz)|"
    r"geração de (?:imagens|vídeo|áudio|voz)|(?:bild|video|audio|musik)generierung",
    r"chat-?bots?",  # TOOL_NOUN
    r"gen[- ]?(?:tools?|models?|features?|apps?)|image[- ]gen|img[- ]?gen|vid[- ]?gen|(?:ai|gen)[- ]sfx",
    r"(?:auto(?:matic)?[- ]?)?transcription (?:site|tool|app|service|software)s?|(?:site|outil|logiciel|service|appli) de "
    r"transcription|transcripci[oó]n autom[aá]tica|(?:herramienta|app|aplicaci[oó]n|web) de transcripci[oó]n|"
    r"transcrição automática|(?:ferramenta|app|aplicativo|site) de transcrição|(?:automatische |ki-)?transkription\w*|"
    r"transkriptions(?:tool|dienst|app|software)|transcription automatique",
    r"(?:image|video|voice|writing|design|research|ai|chat|enterprise|corporate) assistants?|assistants? (?:ia|ai)|"
    r"asistente de ia|assistente de ia|ki-assistent\w*",
    r"(?:app|tool|service|software|startup|platform|website|plugin|plug-in)s? (?:that|which) (?:\w+ ){0,2}"
    r"(?:transcribes|summari[sz]es|generates|writes|scores|clones|translates|creates|animates|dubs|voices)",
    # es / pt
    r"ia",
    r"inteligencia artificial|inteligência artificial",
    r"generad[oa]s?|generativ[oa]|gerad[oa]s?|gerar|generar|clonar|clonad[oa]|clonagem|clonación",
    # every person and tense of "generate": "el equipo generó", "geramos", "a ferramenta gera"
    r"gener(?:a|as|an|o|ó|amos|aron|aba|aban|ará|arán|aría|arían|ando|e|en|emos)|"
    r"ger(?:a|as|am|o|ou|amos|aram|ava|avam|ará|arão|aria|ando|ei|em|emos)",
    # fr
    r"intelligence artificielle|g[ée]n[ée]r(?:er|[ée]e?s?)|g[ée]n[ée]rative|cloner|clon[ée]e?",
    r"g[ée]n[èée]r(?:e|es|ent|ons|ez|ait|aient|era|eront|erait|ant)",
    # de
    r"ki|ki-\w+|künstliche[rn]? intelligenz|generiert(?:e|en)?|generieren|klonen|geklont(?:e|en)?|erzeug(?:en|t|te|ten)|"
    r"(?:bild|sprach|video|stimm)modell\w*",
)

# A tool fed prompts is generative whatever the plan calls it ("generic prompts into the corporate image tool"): too
# common beside real AI cues to start a use of its own, it makes a plan with no other cue one use to read, not text
# without any AI use.
PROMPTED_TOOL = rx(
    r"prompts|prompting|(?:text|image|video|written|generic|simple|short|detailed|each|one|same|a|the|our|my) prompt"
    r"(?! (?:reply|replies|response|responses|payment|action|attention|delivery|turnaround|service))",
    r"(?:image|video|voice|music|audio|text|writing|design) (?:tool|app|engine)s?",
    r"herramienta (?:de|para) (?:imágenes|imagen|vídeo|video|voz|música|textos?)",
    r"ferramenta (?:de|para) (?:imagens|imagem|vídeo|voz|música|textos?)",
    r"outil (?:d'images?|de (?:vidéo|voix|musique|texte))",
    r"(?:bild|video|stimm|musik|text)-?(?:tool|werkzeug|programm)s?",
    # the studio's sanctioned tool, named by its licence alone: "the approved enterprise tool", "a ferramenta corporativa"
    r"(?:approved |sanctioned |corporate |company )?enterprise (?:ai |gen-?ai )?tools?|"
    r"(?:la |nuestra )?herramienta corporativa|(?:a |nossa )?ferramenta corporativa|(?:l'|notre )?outil (?:d'entreprise|"
    r"maison agréé)|(?:das )?(?:unternehmens|firmen|konzern)-?(?:tool|werkzeug)",
)
# "Our designer wants to use it to ...": a sentence that uses the tool the previous one named continues that use.
USES_THE_NAMED_TOOL = rx(
    r"(?:use|using|uses|with|through|via|in|on) (?:it|them|this tool|that tool|the tool|this one|that one)",
    r"usarl[ao]s?|con (?:ella|él)|l'utiliser|avec (?:lui|elle)|us[áa]-l[ao]|com (?:ela|ele)|damit|(?:es|ihn|sie) (?:zu )?nutzen",
)
# A closing line or a signature ("Thanks, Ray (VFX Producer)", "- Hana, Marketing Coordinator", "LG, Miriam").
SIGN_OFF = re.compile(
    r"^(?:thanks|thank you|many thanks|cheers|best|regards|kind regards|all the best|thx|beste grüße|viele grüße|"
    r"liebe grüße|lg|gruß|saludos|un saludo|atentamente|gracias|cordialement|merci|bien à vous|amitiés|abraços|"
    r"obrigad[oa]|atenciosamente|abs|un abrazo)\b"
    r"|^(?-i:[A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+)?\s*(?:,\s*[A-Z]|\(|–|—|-))\s*[\w &/.-]*\)?$",
    re.IGNORECASE,
)
# A report's line on a topic of its own: "Catering: …", "Citación: 07:00 …", "Wk 4  Cast records …", "Morgen: Dispo".
ASIDE_LINE = re.compile(
    r"^\s*(?:[-•*▪●]\s*)?(?:\d+\.\s*)?(?:"
    r"(?:catering|transport(?:e|ation)?|locations?|localizaci[óo]n(?:es)?|localisations?|locações|drehorte?|"
    r"motive?|citaci[óo]n|call(?: ?time| ?sheet)?|weather|tiempo|météo|wetter|parking|aparcamiento|unit base|"
    r"incidencias|incidents?|unfälle|accidents?|acidentes|morgen|tomorrow|mañana|demain|amanhã|next day|"
    r"wellbeing|bienestar|pricing|precio|budget|presupuesto|"
    r"planificados|rodados|pendientes|gedrehte bilder|drehbeginn|drehschluss|mittag|lunch|almuerzo|"
    r"firmado|gez\.?|signed)\s*:"
    r"|(?:wk|week|semana|woche|semaine|j|jornada|day|tag|dia)\.? ?\d+\b)",
    re.IGNORECASE,
)
# A form's answer: "Will it be on screen: NO", "In the final cut? - no".
# (not "none of the shots are temp": that says all of them are final)
ANSWER_NO = (
    r"(?:no|nope|none|never|nothing|nein|non|não|nunca|jamais|nada|rien|nichts|nix|nenhum[a]?|ningun[oa]|aucune?|"
    r"keine?)\b(?!-| of\b| but\b| else\b| except\b| other than\b| besides\b)"
)
FORM_NO = re.compile(r"\s*(?:\?\s*[:=-]?|[:=-])\s*" + ANSWER_NO, re.IGNORECASE)
# A form's question or field label with its answer on the same line: "Will outputs appear in final deliverables? TBD -
# depends on the mix", "Deliverable status: temp only". The label's words are asked, not said: the answer decides.
PERMISSION = (  # a partner asking about their own plan ("Will we use ElevenLabs to clone …?") is no form's question
    r"(?!¿?(?:can|could|may|shall|should|would|will we|are we|do we|is it ok(?:ay)?|are we allowed|do we need|podemos|"
    r"se puede|puedo|"
    r"pouvons|peut-on|on peut|est-ce qu|posso|pode|können|dürfen|darf|kann)\b)"
)
# ... with its answer after it on the same line: a yes or no ("? No. Frames stay in the deck"), or a short one ("? TBD -
# depends on the mix"), not a paragraph that follows a question
FORM_QUESTION = re.compile(
    r"^(?:(?:\d+[.)]\s*|[a-z][.)]\s+)"  # a numbered form's line: any answer
    + PERMISSION
    + r"[^?!.:\n]{2,100}\?(?=\s*[:=-]?\s*\S)|"
    + PERMISSION  # otherwise a yes or no, or a short answer
    + r"[^?!.:\n]{2,100}\?(?=\s*[:=-]?\s*(?:(?:yes|no|none|n/?a|tbd|tbc|not (?:sure|yet|decided)|unsure|depends|"
    r"unknown|maybe|partly|sí|si|oui|non|não|sim|ja|nein|nada|rien|nichts)\b|\S[^\n]{0,60}$)))",
    re.IGNORECASE,
)
# a form's question alone on its line ("Q: Does any input include cast images?"), answered on the next: all asked
ASKED_LINE = re.compile(r"^(?:Q\d*\s*[:.)-]\s*|\d+[.)]\s*)" + PERMISSION + r"[^?!\n]{2,200}\?\s*$", re.IGNORECASE)
# a form's question left blank: "Final or temporary?:" (not a heading, "Final deliverables:", that introduces lines)
EMPTY_FIELD = re.compile(r"^(?:[^\s?!.:]+ ){0,8}[^\s?!.:]+\s*\?\s*:\s*$", re.IGNORECASE)
# a form's field answered no, whatever its label asks: "Talent/likeness involved: none", "On screen: nothing"
NO_ANSWER_FIELD = re.compile(
    r"^(?:[\w/&'’()-]+ ){0,5}[\w/&'’()?-]+\s*[:=]\s*(?=" + ANSWER_NO + r"\s*(?:[.;,]|$))", re.I
)
FIELD_LABEL = re.compile(
    r"^(?:[\w/'’-]+ ){0,3}(?:status|type|kind|category|stage|tipo|estado|statut|état|typ|stand)\s*:(?=\s*\S)",
    re.IGNORECASE,
)
FORM_YES = re.compile(r"\s*[:=-]?\s*(?:yes|yep|sí|si|oui|sim|ja)\b", re.IGNORECASE)
FORM_ANSWER_NO = re.compile(r"\s*[:=-]?\s*" + ANSWER_NO, re.IGNORECASE)
FORM_ANSWER_LINE = re.compile(r"^A\d*\s*[:.)-]\s*\S", re.IGNORECASE)
# "Q: Does any input include cast images? A: No" (two lines read as one): the answer starts after "A:"
ASKED_WITH_ANSWER = re.compile(r"^Q\d*\s*[:.)-]\s*[^?!\n]{2,200}\?\s+A\d*\s*[:.)-]", re.IGNORECASE)
# What the sentence before says, dropped: "… an AI 'reunion' voice – we've killed both", "… and decided against it".
WITHDRAWN_BACK = rx(
    r"(?:and |but )?(?:we(?:'ve| have)? |i(?:'ve| have)? |they(?:'ve| have)? )?(?:now |since |already |then )?"
    r"(?:decided (?:not to|no\b|against (?:it|that|this|doing (?:it|that|this)))|(?:dropped|scrapped|shelved|ditched|killed|"
    r"nixed|binned|ruled out) (?:it|that|this|them|both|those|these|the lot))(?=\s*(?:[.!;,)–—-]|$))",
    r"(?:that'?s|it'?s|both are|this is) (?:now )?off the table|(?:we are|we're|we will|we'll) not (?:be )?doing (?:that|it|this)",
    r"(?:lo|la|los) (?:hemos )?descart(?:amos|ado)|(?:on a|nous avons) (?:abandonné|laissé tomber)(?: ça| cette idée)?|"
    r"(?:nous y avons|on y a) renoncé|(?:desistimos|abrimos mão) disso|haben wir (?:\w+ )?(?:verworfen|gestrichen|"
    r"fallen gelassen)|ist vom tisch",
)
# ... and only of a proposal: "The original brief floated …", "Someone suggested …", "We discussed pasting in …".
PROPOSED = rx(
    r"floated|suggested|suggestion|proposed|proposal|considered|consider|discussed|thought about|talked about|pitched|"
    r"looked (?:at|into)|explored|toyed with|thought of|"
    r"the idea|asked (?:for|about)|wanted to|was to|sugeri\w*|propus\w*|propuesto|propuesta|sugerido|pensamos en|"
    r"proposé|suggéré|envisagé|on pensait|vorgeschlagen|überlegt|erwogen|angedacht"
)
# A use the plan says it has dropped: "the idea of cloning Tom's voice is dead", "we've scrapped the voice clone".
WITHDRAWN = rx(
    r"(?:the )?idea (?:of|to) (?:[\w'’-]+ ){1,10}(?:is|was) (?:dead|off|dropped|scrapped|shelved|abandoned|off the table)",
    r"(?:we(?:'ve| have)?|i(?:'ve| have)?|they(?:'ve| have)?) (?:now |since |already )?(?:dropped|scrapped|shelved|"
    r"abandoned|ditched|killed) (?:the |that |this |our )?(?:idea|plan|proposal)(?: (?:of|to|for) [^,.;:!?]{1,80})?",
    r"(?:hemos|han) (?:descartado|abandonado) la idea(?: de [^,.;:!?]{1,80})?|la idea de (?:[\w-]+ ){1,8}(?:está|quedó) "
    r"descartada",
    r"(?:nous avons|on a) (?:abandonné|renoncé à|laissé tomber) l'idée(?: d[e'][^,.;:!?]{1,80})?|l'idée de (?:[\w'-]+ ){1,8}"
    r"est abandonnée",
    r"(?:desistimos|abrimos mão) da ideia(?: de [^,.;:!?]{1,80})?|(?:descartamos|abandonamos) a ideia(?: de [^,.;:!?]{1,80})?",
    r"(?:die )?idee(?:,| ) (?:[\w-]+ ){1,8}(?:ist|wurde) (?:vom tisch|verworfen|gestrichen)|haben (?:die idee )?verworfen",
)
# A ticked box on a form: "[x] Enterprise environment", "☑ No talent likeness", "✅ temp only".
TICKED_BOX = re.compile(r"^\s*(?:\[[xX✓✔]\]|\([xX✓✔]\)|[☑☒✅✔✓]\ufe0f?)")
# A chat line's time stamp and speaker ("[10:14] Bruno Arte: ", "Carla Prod 10:15: "): not the sentence's words.
CHAT_PREFIX = re.compile(
    r"^\s*(?:\[?\d{1,2}[:.]\d{2}(?::\d{2})?\]?\s*[\w.@()-]+(?: [\w.()-]+){0,2}|[\w.@()-]+(?: [\w.()-]+){0,2}\s*"
    r"\[?\d{1,2}[:.]\d{2}\]?)"
    r"\s*:\s+"
)
# A later sentence about the use's own inputs, outputs or person, or an elliptical one ("Temp only", "Generic prompts").
ABOUT_THE_USE = rx(
    r"^(?:she|he|they|her|his|their|the (?:actor|actress|narrator|performer|host|presenter|talent|estate|family|"
    r"singer|artist|vendor|tool|model|app|terms|licen[cs]e|account|plan|agreement|contract))\b",
    r"^(?:ella|él|ellos|elle|il|elles|ils|ela|ele|eles|sie|er)\b",
    r"^(?:the |all |any |our |its |their |every |each |a |an )?(?:(?:generated|ai|synthetic|resulting|generic) )?(?:prompts?|inputs?|"
    r"outputs?|results?|images?|stills?|frames?|clips?|renders?|tracks?|cues?|beds?|files?|material|versions?|beeps|"
    r"sounds?|sfx|effects|stems|noises?|"
    r"voices?|lines|shots?|assets?|boards?|sketches|mock-?ups?|drafts?|generations?|pictures|textures?)\b",
    r"^(?:temp|temporary|internal|generic|placeholder|text|only|just|no|nothing|never|none|neither|"
    r"strictly|purely|solely|used|kept|stays?|for (?:internal|reference|the (?:pitch|room|team|director)))\b",
    r"^(?:los|las|el|la|les|le|os|as|o|a|die|der|das)? ?(?:prompts?|imágenes|imagens|images|bilder|resultados|"
    r"résultats|ergebnisse)",
    r"^(?:solo|sólo|solamente|seulement|uniquement|apenas|somente|nur|nada|rien|nichts|ninguna?|aucune?|nenhuma?|"
    r"keine?|temporal|temporaire|temporári[oa]|uso interno|usage interne|intern)",
    # "É só referência", "Es solo para el equipo", "C'est juste pour l'équipe", "Das ist nur …", "It's only for …"
    r"^(?:é|es|c'est|ce sont|ist|das ist|it'?s|it is|this is|that'?s|these are|são|son|sont|sind|sería|serait|seria) "
    r"(?:só|solo|sólo|juste|seulement|nur|just|only|purely|apenas|solamente|uniquement|simplement|simply|strictly)\b",
)
# A tool named only by what it is, definitely ("uploaded to the gen tool", "the AI never sees it"): the use named it.
DEFINITE_TOOL = rx(
    r"(?:the|that|this|same|its|our) (?:(?:ai|gen|genai|image|video|voice|music|enterprise|studio) )?(?:gen[- ]?tools?|"
    r"tools?|generators?|models?|apps?|assistants?|ai|toolset|workspace)"
)
# A second use of the tool a use named, in a sentence with no AI word: "The same tool will also make the background
# signs for episode 3", "We'll also make the title cards with it". It is a use of its own, read on its own words.
ANOTHER_TOOL_USE = rx(
    r"(?:the|that|this|same) (?:same )?(?:[\w-]+ )?(?:tool|app|model|generator|software|workspace|assistant|platform)s? "
    r"(?:will |would |can |could |is going to |'ll )?also (?:be used to |help (?:us )?)?(?:make|generat|creat|produc|design|"
    r"build|render|writ|draft|voice|animat|paint|fill|replac|extend|swap)\w*",
    r"(?:we|they|i|the [\w-]+)(?:'ll| will| would| can| could| are going to)? also (?:make|generat|creat|produc|design|build|"
    r"render|writ|draft|voice|animat|paint|fill|replac|extend|swap)\w* (?:[\w'’-]+ ){0,8}(?:with|using|in|through) "
    r"(?:it|that|the same (?:tool|app|model))",
)
# A form's line naming the tool of the use it describes ("- Tool: ChatGPT Enterprise", "2. Herramienta: Firefly"):
# the use the form is about, not a second one.
TOOL_FIELD = re.compile(
    r"^[-*•▪·\s]*(?:\d+[.)]\s*)?(?:tools?|tool used|platform|software|herramientas?|outils?|ferramentas?|werkzeuge?|"
    r"plattform)\s*[:=]\s*\S",
    re.IGNORECASE,
)
# Plan text imitating the service's answers block ("--- Answers to follow-up questions ---" … "--- End of answers ---").
ANSWERS_BLOCK_OPEN = re.compile(r"-{2,}\s*answers? to (?:the )?follow-?up questions?\s*-{2,}", re.IGNORECASE)
ANSWERS_BLOCK_CLOSE = re.compile(r"-{2,}\s*end of (?:the )?answers?\s*-{2,}", re.IGNORECASE)
# A sentence of its own, not a form's field line ("Inputs: text prompts only"): "The temp coordinator starts on Monday."
FREE_SENTENCE = re.compile(r"^(?![^:?]{1,40}[:?])[A-Z][^\n]*[.!]$")
ANOTHER_USE = rx(r"also|too|as well|additionally|another|second|separately|además|aussi|également|também|auch|außerdem")
# A later sentence that starts with one of these continues the previous use rather than starting a new one.
BACK_REFERENCE = rx(
    r"^(?:the|these|those|this|that|it|they|its|such) (?:generated|cloned|synthetic|ai|resulting|output|outputs|"
    r"images?|shots?|voice|voices|clips?|results?|material|assets?|track|tracks|model|footage)",
    r"^(?:it|they|this|these|those|none of|all of|some of|nothing)",
    r"^(?:esto|estas?|estos|ese|esa|ninguna|nada|ceci|cela|ces|aucun|aucune|rien|isso|isto|essas?|esses|nada|"
    r"nenhuma?|diese[rns]?|nichts|keine[rns]?)",
)
GLOBAL_SCOPE = rx(
    r"nothing (?:generated|we generate|ai-generated|from (?:any|these|this|the tools))",
    r"(?:any|no) (?:ai |generated |ai-generated )?(?:material|output|content) (?:lands|goes|ends up|will)",
    r"none of (?:this|these|it|them|the)",
    r"all (?:of )?(?:our |the |these )?(?:tools|uses|work|outputs|generated material)",
    r"across the board",
    r"every (?:tool|use)",
    r"nothing (?:from|of) (?:this|these|it)",
    r"nothing (?:from|of) (?:the )?(?:previs|postviz|tool|ai|generator|model|renders?|images?|outputs?|boards?|mock-?ups?)",
    r"all of (?:this|these|it|them)",
    r"everything",
    r"all (?:the )?(?:generated|ai|outputs?)",
    r"any of (?:this|these|it)",
    r"nada de (?:esto|esto|isso)",
    r"rien de (?:tout )?cela",
    r"nichts davon",
    r"nada (?:de lo )?generad[oa]|nada gerad[oa]|rien de (?:ce qui est )?généré|rien (?:n'est )?généré|"
    r"nichts (?:ki-)?generiert\w*|nichts generiertes|nada (?:del|do) (?:material|conteúdo) (?:generad|gerad)[oa]",
    r"ninguno de|nenhum d",
    # "no generated image goes into the boards", "ninguna imagen generada aparecerá": every generated output
    r"no (?:ai[- ])?generated (?:images?|shots?|frames?|stills?|material|assets?|footage|content|output|elements?|pixels?)",
    r"ningun[ao]? (?:imagen|plano|material|contenido|elemento|recurso)(?:es)? generad[oa]s?|"
    r"ningun[ao] de (?:las|los) (?:imágenes|planos|materiales|elementos) generad[oa]s",
    r"nenhum[a]? (?:imagem|plano|material|conteúdo|elemento) gerad[oa]|nenhuma das imagens geradas",
    r"aucun(?:e)? (?:image|visuel|plan|contenu|élément|asset) génér[ée]e?s?|aucune des images générées",
    r"kein(?:e|en)? (?:ki-)?generiert(?:e|en|es)? (?:bild|bilder|material|inhalte?|elemente?|aufnahmen)",
    # "KI-Bilder oder Logos kommen nicht ans Set", "AI-generated images never reach the set": all generated output
    r"(?:ki|ai)-(?:bilder|images|visuals)|(?:von der ki|mit ki) (?:erzeugte|generierte)[n]? (?:bilder|inhalte|logos)|"
    r"ai-generated (?:images|visuals|material|content|output)",
)

NEGATION_PARTS = (
    r"not",
    r"no",
    r"never",
    r"none",
    r"nothing",
    r"neither",
    r"nor",
    r"without",
    r"won'?t",
    r"wont",
    r"don'?t",
    r"doesn'?t",
    r"didn'?t",
    r"isn'?t",
    r"aren'?t",
    r"wasn'?t",
    r"weren'?t",
    r"can'?t",
    r"cannot",
    r"shouldn'?t",
    r"wouldn'?t",
    r"zero",
    r"nunca",
    r"ningun[oa]?",
    r"nada",
    r"sin",
    r"ni",  # "Ni nombres reales, ni teléfonos", "ni photos ni voix"
    r"nobody(?:'s)?|no one(?:'s)?|no-one(?:'s)?",
    r"nix",  # German, spoken: "nix Generiertes landet im Film"
    r"nem",
    r"ne",
    r"pas",
    r"jamais",
    r"aucun(?:e)?",
    r"rien",
    r"sans",
    r"não",
    r"nenhum(?:a)?",
    r"sem",
    r"nicht",
    r"nichts",
    r"nix",
    r"weder",
    r"kein(?:e|en|er|es|em)?",
    r"nie(?:mals)?",
    r"ohne",
)
NEGATION = rx(*NEGATION_PARTS)
# In Portuguese "no"/"na" mean "in the": not a negation there.
NEGATION_BY_LANGUAGE = {"pt": rx(*(part for part in NEGATION_PARTS if part != r"no"))}


def negation_for(language: str) -> re.Pattern[str]:
    return NEGATION_BY_LANGUAGE.get(language, NEGATION)


# "The actor's voice will not be cloned": the negation follows what it denies.
POST_NEGATION = re.compile(
    r"\W*(?:[\w'’-]+\s+){0,2}?(?:will not|won'?t|shall not|is not|isn'?t|are not|aren'?t|was not|wasn'?t|were not|"
    r"weren'?t|will never|is never|are never|never|do not|don'?t|does not|doesn'?t|no se|ne sera pas|não será|"
    r"wird nicht|werden nicht|werden weder|wird weder|wird nie|werden nie)\s+(?:be\s+|get\s+|ever\s+)?(?:cloned|used|uploaded|included|shown|generated|"
    r"created|recreated|replicated|altered|changed|modified|shared|entered|pasted|put|fed|seen|heard|kept|trained|"
    r"imitated|copied|referenced|touched|involved|reproduced|synthesi[sz]ed|affected|replaced|go|goes|appear|"
    r"appears|leave|leaves|clonada|utilisée?|usada|geklont|verwendet|gezeigt|veröffentlicht|gesendet|genutzt)\b"
    # the verb before its negation: "… Bilder oder Logos kommen nicht ans Set", "… n'iront pas à l'écran"
    r"|\W*(?:[\w'’-]+\s+){0,2}?(?:kommt|kommen|geht|gehen|landet|landen|gelangt|gelangen|erscheint|erscheinen) "
    r"(?:nicht|nie|niemals)\b|\W*(?:(?:ist|sind|bleibt|bleiben) )?(?:davon |dort |da )?(?:nichts|nix)\b|\W*(?:[\w'’-]+\s+){0,2}?n'(?:iront|ira|va|vont|apparaîtra|apparaîtront|sera|seront) pas\b",
    re.IGNORECASE,
)
# "we won't use her voice without consent": the negation is a condition, the use still happens.
CONDITIONAL = rx(
    r"without (?:\w+ ){0,3}(?:consent|permission|approval|sign-?off|agreement)",
    r"unless",
    r"until",
    r"before (?:\w+ ){0,3}(?:consent|sign|agree|approv)",
    r"sin (?:su |el )?consentimiento",
    r"sans (?:son |leur )?(?:consentement|accord)",
    r"sem (?:o )?(?:seu )?consentimento",
    r"ohne (?:\w+ )?(?:zustimmung|einwilligung)",
)
# "No generated material goes in the final cut, apart from the sky replacements": the exception is a yes.
EXCEPTION = rx(
    r"apart from|except(?: for)?|other than|besides|but for|with the exception of|save for|aside from|excepto|salvo|"
    r"only (?:in|for|on|as)|just (?:in|for|on)|(?:but|instead) (?:in|for|on)|"
    r"sauf|à part|exceto|außer|abgesehen von",
)
HEDGE = rx(
    r"might",
    r"may (?:end up|keep|use|be used|appear|stay|make it)",
    r"maybe",
    r"perhaps",
    r"possibly",
    r"probably",
    r"likely",
    r"not (?:yet |\d+ ?% |entirely |completely |totally |quite |really |fully |a hundred percent )?sure",
    r"(?:no|not any|nobody has|no one has|haven'?t) (?:idea|clue)",
    r"unsure",
    r"not certain",
    r"uncertain",
    r"undecided",
    r"tbd",
    r"to be (?:decided|determined|confirmed)",
    r"depending on",
    r"we'?ll see",
    r"hopefully",
    r"could (?:end up|stay|remain|make it)",
    r"if (?:it|they) (?:looks?|works?|sounds?) (?:good|great|right)",
    r"not decided",
    r"haven'?t decided",
    r"quizás?|tal vez|a lo mejor|probablemente|no estamos seguros|no sé",
    r"peut-être|probablement|pas sûrs?|on verra",
    r"talvez|provavelmente|não temos certeza|não sabemos",
    r"vielleicht|wahrscheinlich|eventuell|nicht sicher|möglicherweise",
)

# Text inside a plan that tries to instruct the triage itself: it is data, never obeyed, never risk-lowering.
INJECTION = rx(
    r"ignore (?:all |any )?(?:the )?(?:previous|prior|above|earlier|preceding|other) (?:instructions|rules|prompts?|"
    r"guidance|policy)",
    r"disregard (?:\w+ ){0,3}(?:instructions|rules|policy|guidance)",
    r"(?:system|assistant|developer)(?: prompt| message| note| override)?\s*:",
    r"you are now",
    r"(?:route|mark|classify|label|set|flag|treat) (?:this|it|the case|this case|the plan|this plan|this request) "
    r"(?:as |to )?(?:notify|low[- ]risk|approved|safe|compliant)",
    r"(?:output|return|respond with|answer) (?:only )?\W?(?:notify|route)",
    r"do not (?:escalate|flag)|no need to escalate|must not be escalated",
    r"(?:ignora|ignorez|ignore|ignoriere) (?:\w+ ){0,3}(?:instrucciones|instructions|instruções|anweisungen)",
)
DOCUMENTARY = rx(
    r"documentar(?:y|ies)|docu-?series|docuseries|true[- ]crime doc\w*|documental|documentaire|"
    r"documentário|dokumentarfilm|dokumentation|doku"
)
# Uncertainty about the plan itself: it counts wherever it stands in a use, whatever it is about.
STRONG_HEDGE = rx(
    # "I couldn't swear to it — IT still hasn't got back to me about which tier we're on"
    r"(?:can'?t|couldn'?t|wouldn'?t|won'?t) swear|(?:hasn'?t|haven'?t|has not|have not) (?:yet )?(?:got|gotten|come) back|"
    r"still waiting (?:on|for|to hear)|waiting to hear back|(?:don'?t|do not|no) (?:know|idea) which (?:tier|plan|licen[cs]e|"
    r"version|account)|no lo (?:puedo )?(?:jurar|asegurar)|je ne (?:peux|pourrais) pas (?:le )?jurer|não (?:posso|poderia) jurar|"
    r"(?:kann|könnte) (?:ich )?(?:das )?nicht beschwören",
    # "open question is whether the AI bed stays … nobody's decided"
    r"open question|(?:nobody|no one|no-one)(?:'s| has)? (?:yet )?decided|(?:not|yet to be|still to be) (?:been )?decided|"
    r"up in the air|pregunta abierta|nadie (?:lo )?ha decidido|question ouverte|personne n'a (?:encore )?décidé|"
    r"ningu[ée]m decidiu|niemand hat (?:das |es )?(?:noch )?entschieden|offene frage|noch offen|ainda não (?:está )?decidido|"
    r"(?:todavía|aún) no (?:está )?decidido|pas encore décidé",
    # "ainda não decidimos se … ou se entra nos planos finais – vamos vendo"
    r"(?:can'?t|cannot|couldn'?t|unable to) (?:\w+ )?(?:confirm|verify)|"
    # "Personne n'est sûr que ce soit un problème", "in theory none of it ends up in the film"
    r"(?:nobody|no one|no-one|personne|nadie|ninguém|niemand|keiner)(?:'s| is| n'est| est| está| tem| ist)? (?:\w+ )?"
    r"(?:sure|certain|sûre?s?|segur[oa]s?|certeza|sicher)|in theory|in principle|theoretically|en théorie|en principe|"
    r"en teoría|en principio|em teoria|em princípio|theoretisch|im prinzip|"
    r"(?:terms|policy|page|contract|licen[cs]e|wording)"
    r" (?:\w+ ){0,2}(?:is|are|seems?|looks?) (?:\w+ )?(?:vague|unclear|ambiguous)|"
    r"(?:fiquei|fico|estou|estamos|ficamos) (?:na |em )?dúvida|(?:tenho|temos) (?:uma )?dúvidas?|não sei dizer|"
    r"no sé decir|(?:tengo|tenemos) (?:la |una )?duda|me queda la duda|j'ai (?:un )?doute|je ne saurais (?:pas )?dire|"
    r"ich habe zweifel|(?:ich kann|wir können) (?:es |das )?nicht sagen|(?:i|we) have (?:some )?doubts|in two minds|"
    r"(?:ainda )?não decidimos|(?:todavía |aún )?no (?:lo )?(?:hemos )?decidido|(?:on|nous) n'(?:a|avons) pas (?:encore )?"
    r"décidé|(?:wir )?haben (?:es |das )?noch nicht entschieden|vamos vendo|vamos ver|ya veremos|mal sehen|schauen wir mal",
    # "IT thinks training is off but they haven't confirmed, so I can't say for sure"; "não sei direito com que
    # músicas essa ferramenta foi treinada"
    r"(?:can'?t|cannot|couldn'?t) (?:say|be) (?:for )?sure|(?:haven'?t|hasn'?t|have not|has not|not yet|never) (?:been )?"
    r"confirmed|(?:don'?t|do not) (?:really )?know (?:what|which|how|whether|if)|(?:i )?dunno (?:what|which|how|whether|if)|não sei (?:ainda )?(?:direito|bem|ao certo|o que|se)|ainda não sei se|"
    r"no sé (?:todavía |aún )?(?:bien|muy bien|con certeza|qué|si)|"
    r"je ne sais pas (?:encore )?(?:trop|vraiment|bien|exactement|ce que|si)|"
    r"(?:ich )?weiß (?:ich )?(?:noch )?nicht,? (?:genau|so genau|recht|was|ob)|sin confirmar|pas (?:encore )?confirmé|não confirmad[oa]|"
    r"nicht bestätigt",
    r"(?:not|n't) (?:\w+ )?confident|(?:can'?t|cannot|couldn'?t) (?:really |honestly )?tell (?:whether|if)|"
    r"pas (?:\w+ )?(?:certaine?s?|confiante?s?)|no (?:estoy|estamos) (?:\w+ )?(?:segur[oa]s?|convencid[oa]s?)|"
    r"não (?:tenho|temos) (?:\w+ )?(?:certeza|confiança)|(?:bin|sind) (?:mir |uns )?(?:\w+ )?nicht sicher",
    r"(?:can'?t|cannot|can not) (?:[\w-]+ ){0,2}(?:promise|guarantee)|no (?:puedo|podemos) (?:prometer|garantizar)|"
    r"je ne (?:peux|peut) pas (?:promettre|garantir)|on ne peut pas (?:promettre|garantir)|não (?:posso|podemos) "
    r"(?:prometer|garantir)|(?:kann|können) (?:ich |wir )?(?:das )?nicht (?:versprechen|garantieren)",
    r"not (?:yet |\d+ ?% |entirely |completely |totally |quite |really |fully |a hundred percent )?(?:sure|certain)",
    r"unsure|uncertain|undecided|not decided|haven'?t decided|(?:don'?t|do not) know (?:yet )?(?:whether|if)",
    r"to be (?:decided|determined|confirmed)|tbd|tbc|(?:it )?depends (?:on )?(?:whether|if)|no idea (?:whether|if)",
    # "I'm fairly sure … but I'd have to double check": sure with a qualifier is not sure
    r"(?:fairly|pretty|reasonably|quite|mostly|almost) (?:sure|certain|confident)|(?:i'?d|we'?d|i|we) (?:have|need) "
    r"to (?:double[- ]?)?(?:check|confirm|verify)|(?:need|needs|have|has) to be (?:double[- ]?)?(?:checked|confirmed)",
    r"(?:bastante|casi) segur[oa]s?|(?:assez|plutôt|presque) sûr(?:e|s|es)?|(?:bastante|quase) (?:segur[oa]s?|cert[oa]s?)|"
    r"(?:ziemlich|fast|eigentlich) sicher|(?:müsste|muss) (?:ich|wir|das) (?:noch )?(?:prüfen|nachfragen|klären)|"
    r"(?:tengo|tenemos) que (?:comprobarlo|confirmarlo|verificarlo)|(?:je dois|il faut) (?:le )?(?:vérifier|confirmer)|"
    r"(?:tenho|temos|preciso|precisamos) (?:de |que )?(?:confirmar|verificar|checar)",
    r"no estamos seguros|no sé si|no sabemos si|pas sûrs?|on ne sait pas (?:encore )?si|não temos certeza|"
    r"não sabemos se|nicht (?:ganz |so |hundertprozentig |100 ?% )?sicher|(?:wissen|weiß|weiss) (?:\w+ ){0,2}nicht,? ob",
    r"no (?:estoy|estamos) (?:del todo |muy |cien por cien )?segur[oa]s?|(?:je ne suis|nous ne sommes|on n'est) pas "
    r"(?:tout à fait |complètement |100 ?% )?sûr(?:e|s|es)?|não (?:tenho|temos) (?:a )?certeza|"
    r"não (?:estou|estamos) (?:muito |totalmente )?segur[oa]s?|no sabemos (?:todavía |aún )?si|"
    r"on ne sait pas (?:encore )?si|não sabemos (?:ainda )?se",
    # whoever is unsure: "a gente não tem certeza", "no está claro si", "on n'est pas certains", "keiner weiß, ob"
    r"(?:a gente )?n[ãa]o (?:tem|tinha|tenho|temos) (?:muita |a )?certeza|ninguém (?:tem certeza|sabe)|"
    r"não (?:sei|sabe) (?:se|ao certo)|"
    r"no (?:tenemos|tengo|está|queda) (?:nada |muy |del todo )?claro|no (?:sé|sabe) (?:bien |todavía )?si|"
    r"(?:ne sommes|ne suis|n'est|ne sont) pas (?:certains?|certaines?)|je ne sais pas (?:encore )?si|"
    r"(?:keiner|niemand) weiß,? ob|(?:sind|bin) (?:uns|mir) (?:noch )?(?:nicht|un)sicher",
)
PRINCIPLE_TOPIC = rx(
    r"final|screen|air|deliver\w*|keep\w*|terms|trains?|training|stores?|retain\w*|consent|permission|rights|"
    r"licen[sc]\w*|copyright\w*|likeness|voice|face|data|confidential|approv\w*|union|guild",
    r"episodios?|episódios?|épisodes?|folgen?|abertura|apertura|ouverture|pantalla|tela|écran|bildschirm|montaje|"
    r"montagem|montage|schnitt|ar|aire|antenne|sendung",
)

TOOL = rx(TOOLS)
TOOL_NOUN = rx(r"chat-?bots?")  # an AI cue that names the kind of tool a use named before: the same use
# Chat and text assistants: without other media named, what they produce is text, not something for the screen.
TEXT_TOOL = rx(
    r"chat\s?gpt|gpt-?[45o][\w.-]*|claude|gemini|copilot|perplexity|otter|grammarly|notion ai|deepl|whisper|"
    r"fireflies|trint|descript|llama|mistral|deepseek|grok",
)
