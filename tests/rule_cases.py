"""For every rule: a plan that must fire it and a near-miss that must not (production type optional)."""

RULE_CASES: dict[str, tuple[str, str, str | None]] = {
    "system.not_understood": (
        "私たちはAIを使って主演俳優の声を複製し、最終版に使います。",
        "We'll use Midjourney for internal mood boards with generic prompts.",
        None,
    ),
    "system.no_ai_use": (
        "Shoot days are Monday to Thursday; wrap party on Friday at the studio.",
        "We'll use ChatGPT Enterprise to tidy up the wording of our internal wrap-party invitation.",
        None,
    ),
    "purpose.unrecognised": (
        "ChatGPT will produce the letter the heroine holds up.",
        "ChatGPT will produce a letter; nothing generated goes in the final cut.",
        None,
    ),
    "ethics.generated_literary_material": (
        "We'll use Claude to polish the screenplay.",
        "We'll use Claude to brainstorm screenplay ideas; nothing goes in the final cut.",
        None,
    ),
    "output.final_deliverable": (
        "We'll generate the storefront signs with Firefly and they will be visible in the final cut.",
        "We'll generate the storefront signs with Firefly as temporary placeholders; nothing goes in the final cut.",
        None,
    ),
    "talent.likeness": (
        "Respeecher will clone the lead actor's voice for two pickup lines.",
        "Respeecher will create an original robot voice, not based on any real person, as a temp track.",
        None,
    ),
    "talent.consent_not_obtained": (
        "We'll clone the narrator's voice in ElevenLabs; consent arrives next week and we start now.",
        "We'll clone the narrator's voice in ElevenLabs; she has signed a consent form covering this use.",
        None,
    ),
    "talent.consent_unstated": (
        "We'll clone the narrator's voice in ElevenLabs for pickups.",
        "We'll clone the narrator's voice in ElevenLabs for pickups; she has signed a consent form for it.",
        None,
    ),
    "talent.performance_alteration": (
        "Flawless will do visual ADR so the lead appears to deliver the new unscripted lines.",
        "Flawless will do cosmetic blemish removal on the lead in two shots; nothing else changes.",
        None,
    ),
    "data.personal_data": (
        "We'll paste the crew contact list into ChatGPT to draft the call sheets.",
        "We'll use ChatGPT Enterprise to draft a generic safety memo; no personal data goes in.",
        None,
    ),
    "data.proprietary_input": (
        "We'll upload the full shooting script to the free version of Claude for a scene breakdown.",
        "We'll use Claude for a brainstorm of title ideas with generic prompts only, internal use only.",
        None,
    ),
    "data.proprietary_input_enterprise": (
        "We'll upload the shooting script to ChatGPT Enterprise for a scene breakdown, internal use only.",
        "We'll upload the shooting script to the free tier of ChatGPT for a scene breakdown, internal use only.",
        None,
    ),
    "ip.third_party": (
        "The key art will be generated in Midjourney in the style of Wes Anderson.",
        "The mood board will be generated in Midjourney from our own concept art, internal use only.",
        None,
    ),
    "creative.key_element": (
        "We'll generate the main character's final creature design in Midjourney for the finished film.",
        "We'll explore mood boards for the main character in Midjourney; nothing goes in the final cut.",
        None,
    ),
    "ethics.union_work": (
        "We'll replace the background actors in the stadium scene with AI-generated crowds.",
        "We'll hire 200 background actors for the stadium and use Runway only for internal previs of camera moves.",
        None,
    ),
    "ethics.replica_performance": (
        "ElevenLabs will clone the narrator's voice to read the new narration lines in the final mix.",
        "ElevenLabs will clone the narrator's voice for a temp scratch track; nothing goes in the final cut.",
        None,
    ),
    "ethics.misleading": (
        "We'll generate a fake news segment in which a real journalist announces the invented scandal.",
        "We'll generate a clearly fictional cartoon weather map for the animatic, temp only.",
        None,
    ),
    "data.unowned_training": (
        "We'll train a custom model on the illustrator's past work to imitate her style.",
        "We'll use Midjourney with generic prompts for internal mood boards; no custom models.",
        None,
    ),
    "output.final_status_unstated": (
        "We will use Runway to generate background plates of the harbour for episode 3.",
        "We will use Runway to generate previs of the harbour chase for internal planning.",
        None,
    ),
    "output.final_unclear": (
        "We might keep some of the AI-generated shots in the final cut if they look good.",
        "None of the AI-generated shots will be in the final cut; they are temp comps only.",
        None,
    ),
    "talent.likeness_unclear": (
        "An AI voice-over from ElevenLabs will read the trailer narration, which goes in the final trailer.",
        "A stock voice from ElevenLabs will read the trailer narration, which goes in the final trailer.",
        None,
    ),
    "talent.performance_alteration_unclear": (
        "We might use AI to adjust the lead's facial expressions in the final scene; temp review first.",
        "We'll use AI noise reduction to clean up the dialogue; it's a temp mix for review.",
        None,
    ),
    "data.personal_data_unclear": (
        "We might feed the crew contact list into the AI scheduling assistant; temp use only.",
        "We'll use the AI scheduling assistant with anonymised slots only; no personal data; internal only.",
        None,
    ),
    "data.proprietary_input_unclear": (
        "We'll use ChatGPT for ideas for the dialogue polish, maybe pasting script pages; internal only.",
        "We'll use ChatGPT for brainstorming episode title ideas with generic prompts; internal only.",
        None,
    ),
    "ip.third_party_unclear": (
        "We'll generate the poster for the campaign, perhaps with a look like Disney's, for the final release.",
        "We'll generate the poster for the campaign from our own licensed artwork for the final release.",
        None,
    ),
    "creative.key_element_unclear": (
        "The AI-generated creature might become the protagonist's companion in the final cut.",
        "The AI-generated creature is an incidental background element in the final cut.",
        None,
    ),
    "ethics.union_work_unclear": (
        "Perhaps we'll replace some extras with AI-generated crowds in the final stadium shots.",
        "We'll add AI-generated crowd mood boards for internal previs; the hired extras stay.",
        None,
    ),
    "ethics.misleading_unclear": (
        "We may use AI to recreate the real events of the night as archival-style footage, maybe, in the final cut.",
        "We'll use AI to recreate the events of the night as a clearly animated sequence in the final cut.",
        "documentary",
    ),
    "ethics.documentary_generated_media": (
        "We'll generate images of the town in the 1950s with Midjourney for the episode.",
        "We'll generate images of the town in the 1950s with Midjourney for internal research only.",
        "documentary",
    ),
    "data.unowned_training_unclear": (
        "We'll fine-tune a LoRA for the background textures that appear in the final cut.",
        "We'll fine-tune a LoRA on our own concept art for the background textures in the final cut.",
        None,
    ),
    "principles.partner_unsure": (
        "We'll use Midjourney for mood boards; we're not sure whether its terms let it train on our uploads.",
        "We'll use Midjourney for mood boards under our enterprise agreement, which forbids training on uploads.",
        None,
    ),
    "data.retention_risk": (
        "We'll upload production stills to the free tier of Midjourney to get variations for the mood board.",
        "We'll upload production stills to Midjourney under our enterprise agreement for mood board variations.",
        None,
    ),
    "data.terms_unstated": (
        "We'll use Midjourney for early mood boards with generic prompts.",
        "We'll use Midjourney under our enterprise agreement for early mood boards with generic prompts.",
        None,
    ),
    "data.consumer_tool_inputs_unstated": (
        "We'll use the free tier of Midjourney for early mood boards.",
        "We'll use the free tier of Midjourney for early mood boards with generic prompts.",
        None,
    ),
    "data.consumer_tool_generic_inputs": (
        "We'll use the free tier of Midjourney for early mood boards with generic prompts.",
        "We'll use Midjourney under our enterprise agreement for early mood boards with generic prompts.",
        None,
    ),
    "vendor.pipeline": (
        "Our VFX vendor will run the mood boards through their own pipeline of several AI tools; internal only.",
        "Our art department will run the mood boards through Midjourney Enterprise; internal only.",
        None,
    ),
    "intro.share_with_contact": (
        "We'll use Midjourney under our enterprise agreement for early mood boards; internal only.",
        "We'll clone the lead actor's voice for ADR.",
        None,
    ),
}
