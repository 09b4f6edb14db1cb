"""Phrase patterns the offline extractor reads plans with: English first, Spanish, French, Portuguese and German
for the core triggers. Patterns are data; triage/extract/lexical/reader.py decides scope, negation and hedging around them.
"""

from __future__ import annotations

import re

from triage.records import Consent, Media, Stage

FLAGS = re.IGNORECASE | re.UNICODE


def rx(*parts: str) -> re.Pattern[str]:
    """One case-insensitive alternation, word-bounded at both ends; `[A-Z]` stays case-sensitive (proper nouns)."""
    body = "|".join(parts).replace("[A-Z]", "(?-i:[A-Z])")
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", FLAGS)


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
ANSWER_NO = r"(?:no|nope|none|never|nein|non|não|nunca|jamais)\b(?!-)"
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
    r"(?:nicht|nie|niemals)\b|\W*(?:[\w'’-]+\s+){0,2}?n'(?:iront|ira|va|vont|apparaîtra|apparaîtront|sera|seront) pas\b",
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

# --- Final cut or temporary ----------------------------------------------------------------------------------
FINAL_YES = rx(
    r"final (?:cut|version|edit|mix|deliverables?|film|episode|picture|show|series|master|frames?|shots?|product|"
    r"release|render|comp|composite|soundtrack|score)",
    r"in the (?:finished|released|delivered|locked) (?:film|episode|show|series|cut|picture)",
    r"(?:in der|im) (?:fertigen|finalen|endgültigen|gesendeten|ausgestrahlten) (?:folge|fassung|episode|sendung|film|"
    r"schnitt) (?:erscheint|erscheinen|ist|sind|bleibt|bleiben|läuft|laufen|landet|landen|sieht man)|en el (?:episodio|capítulo|montaje) (?:terminado|emitido)|dans l'épisode (?:fini|diffusé|terminé)|"
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
    # the adjective after the noun: "los fotogramas finales", "os episódios finais", "les plans finaux"
    r"(?:fotogramas|episodios|capítulos|planos|tomas|imágenes|escenas|renders|episódios|imagens|cenas|quadros|plans|"
    r"images|épisodes|scènes|rendus) (?:finales|finais|finaux)|finale[nr]? (?:folgen|bilder|einstellungen|frames)",
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

# --- Real people, performances, consent ---------------------------------------------------------------------
# Who a face or voice belongs to, after "la cara de", "la voix de", "a cara do", "die Stimme von": a person, or a name.
PERSON_NOUN = (
    r"actor|actriz|actores|presentador(?:a)?|narrador(?:a)?|protagonista|cantante|entrevistad[oa]|"
    r"acteur|actrice|comédien(?:ne)?|présentat(?:eur|rice)|narrat(?:eur|rice)|chanteu(?:r|se)|"
    r"ator|atriz|apresentador(?:a)?|cantor(?:a)?|"
    r"schauspieler\w*|sprecher\w*|moderator\w*|sänger\w*|[A-Z][\w-]+"
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
    r"verjüng|digitale[rn]? double|sein gesicht|ihr gesicht",
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
    r"eliminate|eliminating|reduce|reducing|fewer|save on)\s+(?:[\w'’-]+\s){0,3}(?:background (?:actors?|performers?)|"
    r"extras|actors?|voice (?:actors?|talent|artists?)|vo artists?|narrators?|dub(?:bing)? (?:actors?|artists?|talent|cast)|"
    r"writers?|writers' room|screenwriters?|composers?|musicians?|session (?:players|musicians)|storyboard artists?|"
    r"concept artists?|illustrators?|animators?|crew|stunt (?:performers?|doubles?)|stunt|translators?|editors?|"
    r"board artists?|boarders|story artists?|layout artists?|background painters?|colou?rists?|"
    r"background talent|crowd|in-?between(?:s|ers| pass)?|inbetweeners?|clean-?up artists?|compositors?|"
    r"roto artists?|revisionists?|(?:[\w-]+ ){0,2}(?:positions|roles|jobs|staff|department)|"
    r"(?:dramati[sz]ed )?reconstructions? with actors|reenactments? with actors)",
    r"(?:statt|anstatt|anstelle) (?:\S+ ){0,3}(?:zu )?(?:besetzen|buchen|engagieren|casten|beauftragen)|"
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
    r"(?:ai|synthetic|digital|generated) (?:extras|crowds?|background (?:actors?|performers?|talent)|crowd "
    r"(?:replication|simulation)|stunt doubles?)",
    r"generat(?:e|es|ed|ing) (?:the |a |an |our |all the )?(?:[\w-]+ )?(?:crowds?(?! (?:beds?|noise|walla|sounds?|sfx|"
    r"ambien\w*|audio|tracks?))|extras|background (?:actors?|performers?))",
    r"(?:write|writes|writing|rewrite|rewriting|draft|drafting|punch up|punching up|turn)\s+"
    r"(?:[\w'’-]+\s){0,5}(?:(?<!python )(?<!shell )(?<!bash )(?<!render )(?<!code )(?<!maya )(?<!nuke )(?<!houdini )(?<!pipeline )(?<!batch )scripts?|screenplays?|teleplays?|dialogue|scenes?|episodes?|jokes|story beats|storylines?|"
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
# --- Data going in -----------------------------------------------------------------------------------------
PERSONAL_DATA_YES = rx(
    r"personal (?:data|information|details)",
    # a list of people's details: "(nombre, cel, dirección …)", "(Name, E-Mail, Alter, Wohnort …)"
    r"(?:names?|nombres?|nomes?|noms?|namen?)\s*[,/+&]\s*(?:[\w-]+\s*[,/+&]\s*){0,3}(?:e-?mails?|emails?|phones?|mobiles?|"
    r"cel(?:ular)?|móvil|teléfonos?|telefones?|téléphones?|telefon\w*|handy\w*|dirección|direcciones|endereços?|adresses?|"
    r"addresses|wohnort|alter|âge|edad|idade|ages?|dob)",
    r"(?:sign-?up|registration|mailing|guest|attendee|rsvp) lists?|anmeldeliste\w*|teilnehmerliste\w*|gästeliste\w*|"
    r"lista de (?:inscritos|inscrições|invitados|convidados|asistentes|participantes)|liste des (?:inscrits|invités|participants)",
    r"pii",
    # not "before the cast records": a verb
    r"(?<!before the )(?<!until the )(?<!after the )(?<!once the )(?<!when the )(?<!while the )"
    r"(?:cast|crew|talent|staff|extras|employee|contributor|participant)s?(?:'s|')? (?:and crew )?"
    r"(?:list|lists|contacts?|contact (?:details|info|information|sheet)|details|addresses|phone numbers?|"
    r"emails?|e-mails?|headshots?|photos|medical|passports?|data|information|records|availability|bios|measurements|"
    r"biographies|résumés|resumes|cvs|ids|social security|salar(?:y|ies)|payroll)",
    r"(?:home|email|e-mail|postal) address(?:es)?|addresses of",
    # what applicants, contestants and contributors tell a production about themselves
    r"(?:applicant|candidate|contestant|participant|casting|audition) (?:questionnaires?|applications?|forms?|files|"
    r"profiles|records|data|dossiers?)|mental[- ]health|medications?|background[- ]checks?|criminal[- ]records?|"
    r"relationship histor(?:y|ies)|health (?:disclosures?|information|records|data|history)",
    r"phone numbers?",
    r"dates? of birth|birthdays",
    r"medical (?:records|information|history)",
    r"passport(?:s| details| scans)?",
    r"headshots",
    r"fichas? de (?:los |las )?(?:aspirantes|candidat[oa]s|participantes|concursantes)|salud mental|historial (?:médico|"
    r"clínico|de pareja)|teléfonos?|santé mentale|dossiers? des candidats|saúde mental|telefones?|"
    r"bewerber(?:daten|bögen)|kandidatendaten|gesundheitsdaten|telefonnummern",
    r"(?:promise|promised|condition|guarantee) of anonymity|anonymi[sz]ed (?:sources?|contributors?|whistle-?blowers?|"
    r"interviewees?)|whistle-?blowers?|confidential sources?|speaker[- ]?(?:id|identification|recognition)",
    r"(?:body |costume |clothing )?measurements (?:of|for) (?:the |each |every |our )?(?:cast|actors?|principals?|talent|"
    r"performers?|extras)|(?:principal|actor|actress|performer)s?(?:'s|')? (?:\w+ ){0,3}measurements|"
    r"headshots? and measurements",
    r"payroll|salaries",
    r"biometric",
    r"(?:face|body) scans? of",
    r"audition (?:tapes?|footage|recordings?)",
    r"interviews? (?:footage |recordings? |transcripts? )?(?:with|of) (?:the |our )?(?:survivors?|victims?|witnesses|"
    r"families|family members|subjects|participants|contestants|minors|children|patients|residents|employees)",
    r"(?:private|family|personal) (?:photos|photographs|pictures|snapshots|albums?)|"
    r"(?:photos?|pictures|snapshots) (?:provided|supplied|given|lent|sent) by (?:the|his|her|their) (?:family|relatives|"
    r"mother|father|sister|brother|widow|widower)",
    r"(?:fotos|imágenes) (?:que nos (?:dio|dieron|pasó|pasaron)|cedidas por|proporcionadas por|de) (?:la familia|su "
    r"(?:familia|madre|padre|hermana|hermano|viuda))|fotos (?:familiares|privadas|de familia)",
    r"(?:photos?|clichés?) (?:fournis|fournies|donnés|données|prêtés|prêtées) par (?:la famille|sa (?:famille|mère|sœur))|"
    r"photos (?:de famille|privées|personnelles)",
    r"fotos (?:cedidas|enviadas|fornecidas|emprestadas) pela família|fotos (?:de família|particulares|privadas)",
    r"familienfotos|privatfotos|private fotos|fotos (?:von der|aus der) familie",
    r"minors|children's (?:names|faces|data)|(?:application|casting) (?:answers|forms|questionnaires)|"
    r"(?:direct|private|instagram) (?:messages|dms)|dms|bank details|health (?:data|records|information)|"
    r"background checks|union numbers|timecards",
    r"social security|national insurance",
    r"tax ids?|tax numbers?|ssns?|passport numbers?|bank (?:account|details)|ibans?|national ids?|id numbers?|"
    r"crew ?liste|besetzungsliste|handynummern?|privatadressen?|steuer-?ids?|steuernummern?|bankverbindungen?|"
    r"lista del equipo|lista de(?:l)? reparto|tel[ée]fonos (?:m[óo]viles|personales)|direcciones particulares|dni|nif|"
    r"liste (?:de l'équipe|des techniciens|du casting)|numéros de portable|adresses personnelles|numéros fiscaux|"
    r"lista da equipe|lista do elenco|celulares|endereços residenciais|cpf|"
    r"(?:home |postal )?adresses|dates? de naissance|numéros? de (?:sécurité sociale|téléphone)|fichiers? des figurants|"
    r"direcciones|fechas? de nacimiento|números? de (?:teléfono|seguridad social)|endereços|datas? de nascimento|"
    r"números? de (?:telefone|segurança social)|adressen|geburtsdat(?:en|um)|telefonnummern|sozialversicherungsnummer\w*|"
    r"datos personales|información personal|datos de (?:contacto|los actores|del equipo)|hojas? de llamado",
    r"données personnelles|informations personnelles|coordonnées|feuilles? de service",
    r"dados pessoais|informações pessoais|dados de contato|ordens? do dia",
    r"personenbezogene[rn]? daten|persönliche[rn]? daten|kontaktdaten|dispos?\b|drehpläne mit namen",
)
# Weak personal-data cues: yes unless the plan says the personal parts stay out.
PERSONAL_DATA_SOFT = rx(
    r"call ?sheets?", r"cast lists?", r"crew lists?", r"hojas? de llamado|feuilles? de service|dispos?"
)
PERSONAL_DATA_NO = rx(
    r"no (?:contacts?|names|personal (?:data|details|information)|contact (?:details|info|block)|phone numbers) "
    r"(?:are |is )?(?:pasted|uploaded|included|entered|shared|go(?:es)? in)",
    r"(?:contacts?|names|personal (?:data|details)|phone numbers|contact (?:block|details)) (?:are |is )?(?:never|not) "
    r"(?:pasted|uploaded|included|entered|shared)",
    r"never pastes? (?:it |them )?in",
    r"anonymi[sz]ed|redacted|de-?identified|pseudonymi[sz]ed|without (?:any )?(?:names|contacts|personal)",
    r"no (?:names|personal data|personal details)",
)
PROPRIETARY_NOUN = (
    r"(?:our |the |this |full |entire |whole |unreleased |raw |latest |draft |shooting |production |pilot |episode "
    r"|the show's |the film's |series |season )?"
    r"(?:(?<!python )(?<!shell )(?<!bash )(?<!render )(?<!code )(?<!maya )(?<!nuke )(?<!houdini )(?<!pipeline )(?<!batch )scripts?|screenplays?|teleplays?|shooting scripts?|script pages|sides|dailies|rushes|unreleased footage|"
    r"(?:script |episode |eps? [\d-]+ )?drafts|(?:white|blue|pink|yellow|green|goldenrod|salmon|cherry|buff|tan) pages|"
    r"revision pages|camera originals|original camera (?:files|negatives?)|ocf|"
    r"raw footage|footage|rough cuts?|assembly|cuts? of (?:the )?episode|"
    r"production (?:stills|photos|images|art|designs?)|"
    r"set photos|unit stills|set stills|concept art|storyboards|show bible|series bible|pitch bible|treatment|outlines?|"
    r"(?<!by )(?<!per )(?<!per our )(?<!under )contracts?|(?:co-?production |distribution |license |licence )?agreements?|"
    r"side letters?|beat sheets?|"
    r"lined scripts?|locked scripts?|edl|stems|production audio|on-set audio|interviews?(?: footage| recordings?)?|"
    r"key poses|(?:season|episode|ep) \d+ (?:footage|scripts?|episodes?|cuts?)|"
    r"deal memos?|budget|episodes? \d+|unreleased (?:assets|episodes?|material|music|images)|(?:our|shot|camera) plates|"
    r"guion(?:es)?|escenas? (?:no )?(?:estrenadas?)?|metraje|material (?:inédito|sin estrenar)|"
    r"scénario|rushs|images? (?:du tournage|de production)|roteiro|material inédito|imagens? de produção|"
    r"drehbuch|drehbücher|rohmaterial|unveröffentlichte[sn]? (?:material|aufnahmen))"
)
# Studio-owned material named in a use at all (weaker than "upload the script into X"): yes unless inputs are generic.
PROPRIETARY_MENTION = rx(
    r"(?<!color )(?<!colour )(?<!color-)(?<!colour-)(?<!python )(?<!shell )(?<!bash )(?<!render )(?<!code )(?<!maya )"
    r"(?<!nuke )(?<!houdini )(?<!pipeline )(?<!automation )(?<!ai )(?<!ai-generated )(?<!generated )(?:script|screenplay|teleplay|shooting script|script pages|dailies|rushes|unreleased footage|raw footage|"
    r"rough cuts?|production (?:stills|photos|images)|set photos|unit stills|storyboards|show bible|series bible|"
    r"deal memos?|side letters?|beat sheets?|lined scripts?|locked scripts?|interview (?:footage|recordings?|transcripts?)|"
    r"(?:season|episode|ep) \d+ (?:footage|scripts?|cuts?)|key poses|our footage|production audio|on-set audio)s?",
    r"(?:paste|pastes|pasting|pasted|upload|uploads|uploading|uploaded|feed|feeds|feeding|fed|put|puts|drop|drops|"
    r"dropped) (?:in )?(?:the |our |all )?"
    r"(?:eps?\.? ?\d+(?:[-–]\d+)?|episodes? \d+(?:[-–]\d+)?|scenes? \d+|the scenes|the episodes|each episode)",
    r"guion(?:es)?|metraje (?:inédito|sin estrenar)|scénario|rushs|roteiro|drehbuch|drehbücher|rohmaterial",
    r"(?:die )?bücher (?:(?:der |für |zu )?folgen?|episode)|(?:die )?bücher (?:\w+ ){0,3}(?:in|ins) (?:die |den |das )?"
    r"(?:kostenlose )?(?:version|tool|ki|chatgpt)",
)
PROPRIETARY_INPUT_YES = rx(
    r"(?:upload|uploads|uploading|uploaded|feed|feeds|feeding|fed|paste|pastes|pasting|pasted|put|puts|putting|drop|"
    r"drops|dropping|input|inputting|"
    r"insert|give|giving|run|running|send|sending|load|loading|share|sharing|process|processing|summari[sz]e|"
    r"summari[sz]ing|analy[sz]e|analy[sz]ing|translate|translating|transcribe|transcribing|break(?:ing)? down|"
    r"breakdown of|upscale|upscaling|restore|restoring|extend|extending|colou?ri[sz]e|rotoscope|rotoscoping|"
    r"clean(?:ing)? up|re-?light|relight|feed in|coverage of|notes on|proofread|proofreading|spell-?check|"
    r"spell-?checking|subtitle|subtitling|import|importing|fine-?tune|fine-?tuning|train|training)\s+"
    r"(?:[\w'’-]+\s){0,3}" + PROPRIETARY_NOUN,
    PROPRIETARY_NOUN
    + r"\s+(?:[\w'’-]+\s){0,3}(?:into|to|through|in|via|with) (?:[\w'’-]+\s){0,2}(?:the )?(?:tool|ai|model|app|"
    r"chatbot|assistant|llm|system|platform|" + TOOLS + r")",
    r"(?:subir|subiendo|subimos|sube|cargar|cargando|pegar|pegando|meter|metiendo|introducir|pasar|pasando)\s+"
    r"(?:[\w'’-]+\s){0,3}(?:el |los |las |nuestro |nuestros |nuestras )?"
    r"(?:guion(?:es)?|metraje|material|fotogramas|capturas|fotos de (?:rodaje|escena|set))",
    r"(?:subir|subindo|subimos|subi|subiu|sobe|carregar|carregando|carreguei|colar|colando|colei|jogar|jogando|joguei|"
    r"enviar|enviando|enviei|mandei|coloquei)\s+"
    r"(?:[\w'’-]+\s){0,3}(?:o |os |as |nosso |nossos |nossas )?(?:\d+ )?"
    r"(?:roteiros?|frames|fotogramas|capturas|fotos de (?:cena|set|bastidores)|material bruto|episódios?|capítulos?|master|"
    r"animatics?)",
    r"(?:télécharger|téléchargé|charger|chargé|coller|collé|colle|collent|copie-colle|copie-collent|copier-coller|mettre|"
    r"mis|mise|mettons|importer|importé|envoyer|envoyé)"
    r"s?\s+(?:[\w'’-]+\s){0,4}(?:le |les |notre |nos |des |sa |son |ses )?"
    r"(?:scénario|scénarios|rushs|images|scènes? \d+|séquences? \d+|épisodes?|dialogues)",
    r"(?:carregar|colar|enviar|subir|colocar|inserir)\s+(?:[\w'’-]+\s){0,3}(?:o |os |nosso |nossos )?"
    r"(?:roteiro|roteiros|material)",
    r"(?:hochladen|hochgeladen|einfügen|eingeben|laden|lade|lädt|geladen)\s+(?:[\w'’-]+\s){0,3}(?:drehbuch|drehbücher|"
    r"rohmaterial|originalaufnahmen|dreharbeiten|unveröffentlicht\w* (?:folgen|episoden|szenen|standbilder|bilder|fotos))",
    r"unveröffentlicht\w* (?:standbilder|szenenbilder|bilder|fotos|folgen|episoden|szenen)(?: aus (?:folge|episode) [\d-]+)?"
    r"\s+(?:[\w'’-]+\s){0,6}(?:hochladen|hochgeladen|einfügen|laden)",
    r"(?:drehbuch|drehbücher|rohmaterial)\s+(?:[\w'’-]+\s){0,3}(?:hochladen|hochgeladen|einfügen|eingeben|"
    r"in (?:die |das )?(?:ki|tool|modell))",
)
# Inputs the plan describes as substantial: "I'd be typing in our rigging plan … pretty detailed", "upload ~60 scans"
DETAILED_INPUT = rx(
    r"(?:typing|type|paste|pasting|feed|feeding|feed in|upload\w*|put\w* in|enter\w*|load\w*) (?:in |into it )?"
    r"(?:our|the|my|all|detailed|full|whole|entire) (?:[\w-]+ ){0,3}(?:plans?|notes|documents?|docs|files?|dossiers?|"
    r"research|data|lists?|schedules?|briefs?|breakdowns?|specs?|measurements|timings?)",
    r"(?:pretty|very|quite|super|really) detailed|detailed (?:inputs?|prompts?|descriptions?|notes)|long (?:detailed )?prompts|"
    r"(?:~|about |around |some |over )?\d{2,} (?:scans|photos|images|pages|documents|files|recordings)",
)
GENERIC_PROMPT_PARTS = (
    r"generic (?:prompts?|inputs?|descriptions?|references?)",
    r"(?:only|just) (?:text )?prompts",
    r"(?:dummy|filler|placeholder) (?:text|sentences|lines|copy)|dummy filler|lorem ipsum",
)
GENERIC_PROMPTS = rx(*GENERIC_PROMPT_PARTS)  # the inputs themselves said to be trivial
GENERIC_INPUTS = rx(
    *GENERIC_PROMPT_PARTS,
    r"(?:no|without|not using any) (?:script|footage|production|proprietary|confidential|personal|cast|crew)",
)
# "Q3 brand spots", "the brand campaign": the kind of marketing a production makes for itself, not someone's brand.
OWN_BRAND_WORK = (
    r"(?! (?:spots?|campaigns?|films?|videos?|team|guidelines|book|identity|refresh|shoot|content|strategy|"
    r"awareness|assets|launch|work|review|approval|check|sign-?off|safety))"
)
THIRD_PARTY_IP_YES = rx(
    r"in the style of",
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
    r"hauptfigur|hauptcharakter|protagonist(?:in)?|zentrale[rns]? (?:schauplatz|element)",
)
KEY_CREATIVE_NO = rx(
    r"incidental",
    r"(?:generic|unreferenced|unnamed|nondescript|blurred|out of focus|out-of-focus) (?:background )?"
    r"(?:props?|signs?|signage|posters?|elements?|extras|set dressing)",
    r"(?:deep |far )?(?:in the )?background (?:only|elements?|props?|dressing)",
    r"never (?:referenced|mentioned|read)",
)
ENTERPRISE = rx(
    r"enterprise(?: agreement| account| licen[cs]e| plan| tier| version| edition| instance| workspace| tenant)?",
    r"(?:chat\s?gpt|claude|gemini|copilot|openai) (?:enterprise|team|for business|business|edu)",
    r"(?:netflix|studio)[- ](?:approved|provided|sanctioned|licensed) (?:tools?|instance|account|platform)",
    r"approved (?:enterprise )?(?:tools?|instance|vendor platform)",
    r"(?:secure|secured|private|isolated) (?:enterprise )?(?:environment|instance|tenant|cloud|deployment|workspace)",
    r"zero[- ]data[- ]retention|zdr",
    r"empresarial|entreprise|corporativ[oa]|unternehmens(?:lizenz|version|konto)",
)
NO_TRAINING = rx(
    r"(?:doesn'?t|does not|won'?t|will not|don'?t|do not|never|cannot|can't) (?:\w+ )?(?:store|retain|keep|train|"
    r"learn|use (?:our |any )?(?:inputs|data|uploads|prompts) (?:for|to) train)",
    r"opt(?:ed|s)?[- ]out (?:of|from) (?:model )?training",
    r"(?:training|data retention|data sharing|logging) (?:is |are )?(?:disabled|off|turned off|switched off)",
    r"no (?:training|data retention|retention|logging) (?:on|of)",
    r"(?:runs?|running|hosted|installed) (?:\w+ )?(?:locally|on-?prem(?:ise|ises)?|offline|on our own "
    r"(?:servers?|machines?|workstations?|hardware)|air-?gapped)",
    r"(?:local|on-?prem(?:ise)?|self-hosted|offline|air-?gapped) (?:install(?:ation)?|instance|model|deployment|"
    r"workstation|machine|copy)",
    r"no se entrena|ne s'entraîne pas|não treina|trainiert nicht",
    r"(?:bars?|forbids?|prohibits?|prevents?|stops?) (?:them |it |the vendor |us )?(?:from )?(?:retaining|training|"
    r"reusing|reuse|storing|keeping|re-?using)",
    r"(?:deleted|destroyed|purged|wiped) (?:at|after|on) (?:wrap|delivery|completion|the end)",
    r"never (?:re-?used|retained|stored|shared)|no (?:re-?use|retention)",
    r"under (?:our |an? |the )?(?:confidentiality|nda|non-disclosure|data[- ]protection|data processing|vendor|"
    r"security) (?:agreement|terms|contract|addendum)",
    r"training (?:on (?:our |your |the )?(?:data|inputs|content) )?(?:is |was )?(?:turned |switched )?(?:off|disabled)",
    r"offline",
    r"nothing (?:is |gets |will be )?uploaded|(?:no|without) uploads?|nichts wird hochgeladen|nada se sube|"
    r"rien n'est (?:envoyé|téléversé)|nada é enviado",
)
MAY_TRAIN = rx(
    r"free (?:tier|version|plan|account|trial|app)",
    r"trial[- ]?(?:account|version|plan|licen[cs]e)|test-?(?:version|account|zugang|konto)|cuenta de prueba|"
    r"compte d'essai|conta de teste|versão de teste",
    r"free (?:[\w-]+ ){1,2}(?:apps?|tools?|websites?|sites?|services?|generators?)",  # "a free virtual try-on app"
    r"(?:the )?free (?:chat\s?gpt|midjourney|runway|eleven\s?labs|gemini|claude|tool)",
    r"consumer[- ](?:version|account|tier|app|plan|product|abo|konto|abonnement)",
    r"personal (?:account|subscription|plan|login)",
    r"(?:private[nmr]?|persönliche[nmr]?|eigene[nmr]?) (?:[\w-]+[- ])?(?:account|konto|zugang|abo)|"
    r"(?:his|her|my|their) (?:own |private )?(?:\w+ )?(?:plus|pro|premium) (?:account|subscription)|"
    r"cuenta (?:personal|privada)|compte (?:perso(?:nnel)?|privé)|conta (?:pessoal|particular)",
    r"(?:trains?|may train|can train|could train|learns?) (?:on|from) (?:our |user |your |the )?(?:inputs|uploads|"
    r"prompts|data|outputs|images)",
    r"(?:uses?|keeps?|stores?|retains?) (?:our |user |the )?(?:inputs|uploads|prompts|data|images) (?:for|to) "
    r"(?:train|improve)",
    r"public (?:discord|server|gallery|feed|mode)",
    r"(?:can|may|will|could) be used to (?:train|improve)|used to improve (?:their|its) models?",
    r"(?:haven'?t|have not|didn'?t|did not) (?:\w+ )?(?:checked|read|reviewed|looked at) (?:the |their |its )?"
    r"(?:terms|tos|t ?& ?cs?|ts ?& ?cs|terms and conditions|fine print|data (?:policy|terms)|licen[sc]e)",
    r"(?:gratuit[oa]s?|gratuite?s?|grátis|gratis|kostenlos\w*|versión gratuita|version gratuite|versão gratuita|"
    r"gratisversion)",
    # nobody has read the terms, in the other languages
    r"ningu[ée]m (?:viu|leu) os termos|nadie (?:ha )?(?:leído|visto|mirado) (?:los )?(?:términos|condiciones)|"
    r"personne n'a (?:lu|regardé) les (?:conditions|cgu)|niemand hat die (?:agb|bedingungen|nutzungsbedingungen) "
    r"gelesen|(?:no|não) (?:hemos |temos )?(?:leído|lido|li|leí|lemos|revisado|revisamos) (?:los |os |as )?(?:términos|"
    r"termos|condiciones|condições)|on n'a pas (?:lu|regardé) les (?:conditions|cgu)|(?:die )?agb nicht gelesen",
)
VENDOR_PIPELINE = rx(
    r"vendors?(?:'s|')?",
    r"vfx (?:house|vendor|studio|company|partner)",
    r"(?:their|its) (?:own |custom |proprietary |in-house )?(?:pipeline|workflow|stack|toolchain|toolset|models?)",
    r"(?:custom|proprietary|multi-?tool|multi-?model) (?:pipeline|workflow|stack|toolchain)",
    r"(?:several|multiple|a (?:chain|combination|mix|stack) of) (?:different )?(?:ai )?(?:tools|models)",
    r"proveedor|prestataire|fornecedor|dienstleister|anbieter",
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
    r"(?:ainda )?não decidimos|(?:todavía |aún )?no (?:lo )?(?:hemos )?decidido|(?:on|nous) n'(?:a|avons) pas (?:encore )?"
    r"décidé|(?:wir )?haben (?:es |das )?noch nicht entschieden|vamos vendo|vamos ver|ya veremos|mal sehen|schauen wir mal",
    # "IT thinks training is off but they haven't confirmed, so I can't say for sure"; "não sei direito com que
    # músicas essa ferramenta foi treinada"
    r"(?:can'?t|cannot|couldn'?t) (?:say|be) (?:for )?sure|(?:haven'?t|hasn'?t|have not|has not|not yet|never) (?:been )?"
    r"confirmed|(?:don'?t|do not) (?:really )?know (?:what|which|how|whether|if)|não sei (?:direito|bem|ao certo|o que|se)|"
    r"no sé (?:bien|muy bien|con certeza|qué|si)|je ne sais pas (?:trop|vraiment|bien|exactement|ce que|si)|"
    r"(?:ich )?weiß (?:ich )?nicht,? (?:genau|so genau|recht|was|ob)|sin confirmar|pas (?:encore )?confirmé|não confirmad[oa]|"
    r"nicht bestätigt",
    r"(?:not|n't) (?:\w+ )?confident|(?:can'?t|cannot|couldn'?t) (?:really |honestly )?tell (?:whether|if)|"
    r"pas (?:\w+ )?(?:certaine?s?|confiante?s?)|no (?:estoy|estamos) (?:\w+ )?(?:segur[oa]s?|convencid[oa]s?)|"
    r"não (?:tenho|temos) (?:\w+ )?(?:certeza|confiança)|(?:bin|sind) (?:mir |uns )?(?:\w+ )?nicht sicher",
    r"(?:can'?t|cannot|can not) (?:really )?(?:promise|guarantee)|no (?:puedo|podemos) (?:prometer|garantizar)|"
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
PRINCIPLE_TOPIC = rx(
    r"final|screen|air|deliver\w*|keep\w*|terms|trains?|training|stores?|retain\w*|consent|permission|rights|"
    r"licen[sc]\w*|copyright\w*|likeness|voice|face|data|confidential|approv\w*|union|guild",
)

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
            r"temporal|temporári[oa]|temporaire|vorläufig)|temp-?schnitt|rohschnitt|"
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
            r"ideas",
            r"inspiration",
            r"concept(?:s| exploration| ideas)",
            r"explor(?:e|ing) (?:looks|ideas|options|concepts)",
            r"(?:explor\w*|test\w*|try(?:ing)? out|prob\w*|suggest\w*|suger\w*|sugg[éè]r\w*|propo[sn]\w*|vorschlag\w*|"
            r"vorzuschlagen) (?:des |de |las |los |as |os |die |the |some |a few |\w+ )?"
            r"(?:colou?r |couleurs? )?palett?\w*",
            r"reference (?:images?|boards?|material)",
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
            r"(?:imágenes|imagens|images|fotos) de (?:référence|referencia|referência)|(?:sirven?|servem?|servent?|dienen?) "
            r"(?:\w+ )?(?:de|como|comme|als|d'|pour) (?:referencia|referência|référence|referenz)|"
            r"referenzbilder|\w*(?:stimmungs|licht|farb|look|bild)referenz\w*|"
            r"referencias? de (?:luz|iluminación|ambiente|color|texturas?|vestuario|época|movimiento|poses?)|"
            r"références? (?:de lumière|d'ambiance|de couleur|de textures?|de costumes?|de mouvement)|"
            r"referências? de (?:luz|iluminação|clima|cor|texturas?|figurino|época|movimento)|"
            r"(?:textur|farb|kostüm|bewegungs)referenz\w*",
            r"mood (?:images?|frames?|pieces|stills)|(?:texture|motion|pose|lighting|colou?r|animal|movement) reference|"
            r"reference (?:clips?|jpgs?|photos?|frames?|stills?|textures?|videos?)|mock-?ups?|(?:rough|loose|quick|early) (?:concepts?|sketches|ideas|"
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
            r"(?<!python )(?<!shell )(?<!bash )(?<!render )(?<!code )(?<!maya )(?<!nuke )(?<!houdini )(?<!pipeline )(?<!batch )scripts?",
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
    r"(?<!python )(?<!shell )(?<!bash )(?<!render )(?<!code )(?<!maya )(?<!nuke )(?<!houdini )(?<!pipeline )(?<!batch )scripts?|screenplays?|teleplays?|scenes?|dialogues?|episodes?|pages|outlines?|treatments?|bibles?|beats|"
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
            r"(?<!python )(?<!shell )(?<!bash )(?<!render )(?<!code )(?<!maya )(?<!nuke )(?<!houdini )(?<!pipeline )(?<!batch )scripts?",
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

CONSENT_PATTERNS: list[tuple[Consent, re.Pattern[str]]] = [
    (Consent.ABSENT, CONSENT_ABSENT),
    (Consent.PENDING, CONSENT_PENDING),
    (Consent.OBTAINED, CONSENT_OBTAINED),
]
TOOL = rx(TOOLS)
TOOL_NOUN = rx(r"chat-?bots?")  # an AI cue that names the kind of tool a use named before: the same use
# Chat and text assistants: without other media named, what they produce is text, not something for the screen.
TEXT_TOOL = rx(
    r"chat\s?gpt|gpt-?[45o][\w.-]*|claude|gemini|copilot|perplexity|otter|grammarly|notion ai|deepl|whisper|"
    r"fireflies|trint|descript|llama|mistral|deepseek|grok",
)
