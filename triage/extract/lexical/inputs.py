"""What goes into a tool and on what terms: personal data, production material, generic inputs, enterprise and training terms, vendor pipelines."""

from __future__ import annotations

from triage.extract.lexical.lexicon import NOT_CODE, TOOLS, rx

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
    r"(?:"
    + NOT_CODE
    + r"scripts?|screenplays?|teleplays?|shooting scripts?|script pages|sides|dailies|rushes|unreleased footage|"
    r"(?:script |episode |eps? [\d-]+ )?drafts|(?:white|blue|pink|yellow|green|goldenrod|salmon|cherry|buff|tan) pages|"
    r"revision pages|camera originals|original camera (?:files|negatives?)|ocf|"
    r"raw footage|footage|rough cuts?|assembly|cuts? of (?:the )?episode|"
    r"production (?:stills|photos|images|art|designs?)|"
    r"set photos|unit stills|set stills|concept art|storyboards|storyboard (?:panels|frames|pages)|show bible|"
    r"(?:[\w-]+ )?model sheets|character sheets|(?:frames|stills) from the unreleased|"
    r"series bible|pitch bible|treatment|outlines?|"
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
    r"rough cuts?|production (?:stills|photos|images)|set photos|unit stills|storyboards|storyboard panels|"
    r"show bible|series bible|"
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
    # animatics are as often what a tool makes: production material only when they go in
    r"(?:upload|load|feed|paste|put|drop|import|send|give)(?:s|ed|ing)? (?:[\w'’-]+\s){0,4}animatics",
    r"(?:upload|uploads|uploading|uploaded|feed|feeds|feeding|fed|paste|pastes|pasting|pasted|put|puts|putting|drop|"
    r"drops|dropping|input|inputting|"
    r"insert|give|giving|run|running|send|sending|load|loading|share|sharing|process|processing|summari[sz]e|"
    r"summari[sz]ing|analy[sz]e|analy[sz]ing|translate|translating|transcribe|transcribing|break(?:ing)? down|"
    r"breakdown of|upscale|upscaling|restore|restoring|extend|extending|colou?ri[sz]e|rotoscope|rotoscoping|"
    r"clean(?:ing)? up|re-?light|relight|feed in|coverage of|notes on|proofread|proofreading|spell-?check|"
    r"spell-?checking|subtitle|subtitling|import|importing|fine-?tune|fine-?tuning|train|training)\s+"
    r"(?:[\w'’~+.,-]+\s){0,3}" + PROPRIETARY_NOUN,
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
    r"(?:scénario|scénarios|rushs|images|scènes? \d+|séquences? \d+|épisodes?|dialogues|planches|storyboards?|"
    r"animatiques?|animatics?)",
    r"(?:carregar|colar|enviar|subir|colocar|inserir)\s+(?:[\w'’-]+\s){0,3}(?:o |os |nosso |nossos )?"
    r"(?:roteiro|roteiros|material)",
    r"(?:hochladen|hochgeladen|einfügen|eingeben|laden|lade|lädt|geladen)\s+(?:[\w'’-]+\s){0,3}(?:drehbuch|drehbücher|"
    r"rohmaterial|originalaufnahmen|dreharbeiten|unveröffentlicht\w* (?:folgen|episoden|szenen|standbilder|bilder|fotos))",
    r"(?:unveröffentlicht\w* (?:standbilder|szenenbilder|bilder|fotos|folgen|episoden|szenen|rohschnitt\w*|schnitt\w*)|"
    r"schnittliste\w*|rohschnitt\w*)(?: aus (?:folge|episode) [\d-]+)?"
    r"\s+(?:[\w'’-]+\s){0,10}(?:hochladen|hochgeladen|einfügen|laden)",
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
    r"free (?:tier|version|plan|account|trial|app|one)",
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
    # nobody knows what the tool does with what goes in: "I dunno what they do with what we type, never looked"
    r"(?:dunno|don'?t know|do not know|no idea|not sure) (?:what|how) (?:they|it|the (?:app|tool|company)) (?:do|does|"
    r"keeps?|uses?|stores?) with (?:what|the|our|my|your|any)",
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
