"""The embedded offline extractor: reads a plan with phrase patterns, no model and no network.

It is the default when no LLM is configured and the tripwire beside one when it is. It splits the plan into
segments (segments.py), groups them into uses (uses.py), and answers each material question with the sentence as
evidence, reading each pattern's matches with their negation, hedges and form answers (hits.py): precisely from the
phrase patterns
(lexicon.py for cues, layout, negation and hedges; one module per question: final_status, people, inputs, rights,
stages), with negation and hedges scoped to their clause, and broadly from risk_terms.py, so that an area the use
touches but the precise patterns left silent is never read as settled. Risk is read broadly, lowering narrowly: a
lowering answer needs a trusted sentence about this use, without a contrast idiom turning it around. What it cannot
read it reports as a failure.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Any

from triage.extract.lexical import final_status as lx_final
from triage.extract.lexical import inputs as lx_inputs
from triage.extract.lexical import lexicon as lx
from triage.extract.lexical import people as lx_people
from triage.extract.lexical import rights as lx_rights
from triage.extract.lexical import risk_terms as rt
from triage.extract.lexical import stages as lx_stages
from triage.extract.lexical.hits import (
    BUT,
    NEGATION_WINDOW,
    PatternHit,
    clause_bounds,
    find_hits,
    one_reading,
    segment_index,
)
from triage.extract.lexical.language import READABLE, detect_language, latin_share
from triage.extract.lexical.segments import PlanSegment, is_heading, split_segments
from triage.extract.lexical.uses import (
    MAX_LEXICAL_USES,
    MAX_READ_CHARS,
    denied_close_by,
    from_the_prompted_tool,
    group_uses,
    within_budget,
)
from triage.intake import Submission, read_intake
from triage.records import (
    AIUse,
    Answer,
    Choice,
    Consent,
    DataHandling,
    Extraction,
    Intake,
    Media,
    Stage,
)

LATIN_SEGMENT = 0.9  # share of Latin letters for a sentence to count as readable in a mixed-script plan
LOW_RISK = {Stage.IDEATION, Stage.PITCH, Stage.PREVIS, Stage.TEMP}
LOW_RISK_STAGES = LOW_RISK | {Stage.ADMIN}
# the risk questions the broad layer guards (rt.TOUCHES): silence or a "no" said elsewhere never lowers them
GUARDED = tuple(name for name in rt.TOUCHES if name != "performer")


def _answer(value: str, hit: PatternHit | None, note: str | None = None) -> Answer:
    return Answer(value=value, evidence=hit.segment.text if hit else None, note=note)  # type: ignore[arg-type]


def yes_no(
    segments: list[PlanSegment],
    yes: re.Pattern[str],
    no: re.Pattern[str] | None = None,
    hedge_unclear: bool = False,
    weak: re.Pattern[str] | None = None,
    negated_no_is_yes: bool = False,
    not_after: re.Pattern[str] | None = None,
) -> Answer:
    """Combine pattern hits: a stated yes beats a no (risk wins); a hedged yes may become unclear. Each pattern is
    read only when the ones before it left the answer open."""
    lowering = [h for h in find_hits(no, segments) if _lowers(h) and not h.negated] if no else []
    all_yes = [
        h
        for h in find_hits(yes, segments)
        if not (not_after and _preceded_by(h, not_after, words=3)) and not _overlaps(h, lowering)
    ]  # "before anything is broadcast" is a time; in "our sound designer replaces all of them for the final mix" the
    # final mix is what replaces them
    all_yes = [replace(h, negated=True) if _denies_inside(h) else h for h in all_yes]
    asked = [h for h in all_yes if h.asked and not h.negated]
    yes_hits = [h for h in all_yes if not (h.negated or h.asked)]
    if negated_no_is_yes and no:
        # "won't be replaced" means it stays; "doesn't leave the internal presentation" still stays internal
        yes_hits += [
            h for h in find_hits(no, segments) if h.negated and REPLACED.search(h.segment.text[h.start : h.end])
        ]
    if yes_hits and all(h.segment.aside for h in yes_hits):
        return _answer("unknown", yes_hits[0], note="mentioned in a line about something else")
    yes_hits = [h for h in yes_hits if not h.segment.aside]
    if yes_hits:
        confident = [h for h in yes_hits if not h.hedged]
        if hedge_unclear and not confident:
            return _answer("unknown", yes_hits[0], note="the partner hedges")
        return _answer("yes", confident[0] if confident else yes_hits[0])
    negated_hits = [h for h in all_yes if h.negated and _lowers(h)]
    if negated_hits:
        if hedge_unclear and all(h.hedged for h in negated_hits):
            return _answer("unknown", negated_hits[0], note="the partner hedges")
        return _answer("no", negated_hits[0])
    # "this is not temporary" lowers nothing
    no_hits = [h for h in find_hits(no, segments) if _lowers(h) and not h.negated] if no else []
    if no_hits:
        hedged = [h for h in no_hits if h.hedged]
        if hedge_unclear and hedged:
            return _answer("unknown", hedged[0], note="the partner hedges")
        return _answer("no", no_hits[0])
    if asked:
        return _answer("unknown", asked[0], note="asked on the form, not answered")
    live_weak = [h for h in find_hits(weak, segments) if not h.negated] if weak else []
    if live_weak:
        return _answer("unknown", live_weak[0], note="mentioned but not settled")
    return Answer()


REPLACED = re.compile(r"replac|swap|substitu|ersetz|remplac|reemplaz", re.I)
QUESTION_MARK = re.compile(r"\s*\?")
PASSIVE_REPLACED = re.compile(r"replaced|swapped|substitu[íi]d|ersetzt|remplacée?s?|reemplazad", re.I)
INNER_NEGATION = re.compile(
    r"\s(?:no|not|never|none|nothing|no one|kein\w*|nicht|nichts|nie|aucune?|rien|jamais|ningun[oa]?|nada|nunca|"
    r"nenhuma?)\s",
    re.I,
)


def _denies_inside(hit: PatternHit) -> bool:
    """ "it writes no scenes": a negation between the verb and the object a risk pattern spans."""
    return bool(INNER_NEGATION.search(hit.segment.text[hit.start : hit.end]))


def _lowers(hit: PatternHit) -> bool:
    """A hit may lower risk only from a trusted statement about this very use, not turned around by a contrast."""
    return (
        not hit.segment.untrusted
        and hit.segment.local
        and not hit.contrasted
        and not hit.asked  # "Final or temporary?:" left blank lowers nothing
        and not _questioned(hit)
        and not _replaced_by_generated(hit)
    )


def _questioned(hit: PatternHit) -> bool:
    """ "… Final or temporary?: Notes: …" on one line: a word asked about, with no answer of its own, lowers nothing."""
    text = hit.segment.text
    return bool(QUESTION_MARK.match(text, hit.end)) and hit.end > segment_index(text).label_end


def _replaced_by_generated(hit: PatternHit) -> bool:
    """ "Our AI tool replaces the temp plates with the final AI renders": a replacement lowers nothing when what does
    the replacing, or what it is replaced with, is generated."""
    text = hit.segment.text
    if not REPLACED.search(text, hit.start, hit.end):
        return False
    if PASSIVE_REPLACED.search(text, hit.start, hit.end):  # "Suno temp music replaced by the composer": the replacer
        return bool(lx.AI_CUE.search(text, hit.start))  # comes after
    before = " ".join(text[: hit.start].split()[-4:])  # "Our AI tool replaces …": the replacer is the subject
    return bool(lx.AI_CUE.search(text, hit.start) or lx.AI_CUE.search(before) or lx.TOOL.search(before))


def _preceded_by(hit: PatternHit, pattern: re.Pattern[str], words: int = 2) -> bool:
    before = hit.segment.text[: hit.start].split()[-words:]
    return bool(pattern.search(" ".join(before)))


def detect_stage(segments: list[PlanSegment]) -> Choice[Stage]:
    """The first stage pattern that matches; a low-risk stage only from a statement that may lower this use's risk."""
    for stage, pattern in lx_stages.STAGE_PATTERNS:
        for hit in find_hits(pattern, segments):
            if hit.negated or (stage in LOW_RISK_STAGES and not _lowers(hit)):
                continue  # "we put no script into it" is no writing use
            if stage == Stage.WRITING and _office_document(hit):
                return Choice[Stage](value=Stage.ADMIN, evidence=hit.segment.text)
            return Choice[Stage](value=stage, evidence=hit.segment.text)
    return Choice[Stage](value=Stage.UNKNOWN)


def _office_document(hit: PatternHit) -> bool:
    """ "Draft a generic safety-briefing checklist template": the writing is office work when the statement, one that
    may lower this use's risk, names an office document and no literary material at all."""
    text = hit.segment.text
    return _lowers(hit) and bool(lx_stages.OFFICE_DOCUMENT.search(text)) and not lx_stages.LITERARY.search(text)


def detect_media(segments: list[PlanSegment]) -> list[Media]:
    joined = " ".join(s.text for s in segments)
    media = [media for media, pattern in lx_stages.MEDIA_PATTERNS if pattern.search(joined)]
    if not media and lx.TEXT_TOOL.search(joined):
        media = [Media.TEXT]  # a chat assistant with nothing else named writes text
    return media


def _overlaps(hit: PatternHit, spans: list[PatternHit]) -> bool:
    """The hit shares words with a lowering phrase that names nothing generated from where it starts ("our sound
    designer replaces all of them for the final mix"; not "… replaces the plates with the final AI renders")."""
    return any(
        s.segment is hit.segment
        and s.start < hit.end
        and hit.start < s.end
        and not lx.AI_CUE.search(s.segment.text, s.start)
        for s in spans
    )


def _inside(hit: PatternHit, spans: list[PatternHit]) -> bool:
    return any(s.segment is hit.segment and s.start <= hit.start and hit.end <= s.end for s in spans)


def detect_consent(segments: list[PlanSegment]) -> Choice[Consent]:
    """Riskiest stated consent wins: refused > pending > obtained. "We won't … without consent" is a promise."""
    for consent, pattern in lx_people.CONSENT_PATTERNS:
        for hit in find_hits(pattern, segments):
            if consent == Consent.OBTAINED and not _lowers(hit):
                continue
            if consent == Consent.ABSENT and _negated_before(hit):
                consent = Consent.PENDING
            return Choice[Consent](value=consent, evidence=hit.segment.text)
    return Choice[Consent](value=Consent.UNKNOWN)


def _negated_before(hit: PatternHit) -> bool:
    left, _ = clause_bounds(hit.segment.text, hit.start, hit.end)
    prefix = hit.segment.text[left : hit.start]
    return bool(lx.negation_for(hit.segment.language).search(prefix))


def detect_data_handling(segments: list[PlanSegment]) -> Choice[DataHandling]:
    may_train = find_hits(lx_inputs.MAY_TRAIN, segments)
    for hit in may_train:
        if not hit.negated:
            return Choice[DataHandling](value=DataHandling.MAY_TRAIN, evidence=hit.segment.text)
    for handling, pattern in (
        (DataHandling.ENTERPRISE, lx_inputs.ENTERPRISE),
        (DataHandling.NO_TRAINING, lx_inputs.NO_TRAINING),
    ):
        for hit in find_hits(pattern, segments):
            if not _lowers(hit):
                continue
            if handling == DataHandling.ENTERPRISE and hit.negated:
                if denied_close_by(hit):  # "not one of the enterprise tools"
                    return Choice[DataHandling](value=DataHandling.MAY_TRAIN, evidence=hit.segment.text)
                continue  # a negation further back ("nothing goes in, enterprise licence"): neither way, unread
            return Choice[DataHandling](value=handling, evidence=hit.segment.text)
    for hit in may_train:  # "doesn't train on our inputs"
        if _lowers(hit):
            return Choice[DataHandling](value=DataHandling.NO_TRAINING, evidence=hit.segment.text)
    return Choice[DataHandling](value=DataHandling.UNKNOWN)


def detect_hedge(segments: list[PlanSegment]) -> Answer:
    """A hedge counts when its sentence is about a principle or the AI use ("I think it stays temp, but I'm not
    100% sure"): the hedge and its topic often stand in two clauses of one sentence."""
    for hit in find_hits(lx.STRONG_HEDGE, segments):  # doubt raises risk: it counts wherever it stands in the use
        if not (hit.negated or hit.asked):  # "8. Anything you're unsure about?" asks, it doubts nothing
            return _answer("yes", hit)
    for hit in find_hits(lx.HEDGE, segments):
        if (hit.start, hit.end) not in segment_index(hit.segment.text).hedges:
            continue  # an optional internal step, already left out of the segment's hedges
        if lx.PRINCIPLE_TOPIC.search(hit.segment.text) or lx.AI_CUE.search(hit.segment.text):
            return _answer("yes", hit)
    return Answer()


def touched(fields: dict[str, Any], segments: list[PlanSegment], *, screen_bound: bool) -> dict[str, Any]:
    """The broad layer: a risk area the use's text touches cannot stay silent; it becomes unknown with the mention as
    evidence (unclear), which escalates with the question that settles it. Only a clear statement lowers a risk.
    Output made for the screen (no low-risk purpose) that the plan says reaches it, unhedged, is final."""
    out = dict(fields)
    for name in GUARDED:
        answer: Answer = fields[name]
        if answer.value != "unknown" or answer.evidence or answer.note:
            continue
        mentions = [
            h
            for h in find_hits(rt.TOUCHES[name], segments)
            # "Call: 08:00 cast" is about the day; "from public sources, nothing from our footage" denies the noun
            if not (h.negated or h.segment.aside or _sentence_denies(h) or _denies_inside(h))
        ]
        if name == "final_output":
            mentions = [h for h in mentions if not _preceded_by(h, lx_final.BEFORE, words=4)]  # "before the final mix"
        if not mentions:
            hints = [h for h in find_hits(rt.HINTS[name], segments) if not h.negated] if name in rt.HINTS else []
            if hints:
                out[name] = _answer("unknown", hints[0], note="mentioned but not settled")
            continue
        plain = not any(h.hedged or h.asked for h in mentions) and not all(h.segment.aside for h in mentions)
        if plain and (name in rt.SAID_PLAINLY or (name == "final_output" and screen_bound)):
            out[name] = _answer("yes", mentions[0])
        else:
            out[name] = _answer("unknown", mentions[0], note="mentioned but not settled")
    return out


def read_use(segments: list[PlanSegment]) -> AIUse:
    """Answer every material question for one use from its segments."""
    stage = detect_stage(segments)
    final = yes_no(
        segments,
        lx_final.FINAL_YES,
        lx_final.FINAL_NO,
        hedge_unclear=True,
        negated_no_is_yes=True,
        not_after=lx_final.BEFORE,
    )
    if final.value == "unknown" and final.evidence is None and stage.value not in LOW_RISK:
        final = yes_no(segments, lx_final.FINAL_MARKETING, hedge_unclear=True)
    if final.value == "unknown" and final.evidence is None and stage.value == Stage.TEMP:
        final = Answer(value="no", evidence=stage.evidence)
    if final.value != "no":
        processing_only = [h for h in find_hits(lx_final.NON_GENERATIVE, segments) if _lowers(h)]
        if processing_only:
            final = _answer("no", processing_only[0])
    real_person = yes_no(
        segments,
        lx_people.REAL_PERSON_STRONG,
        lx_people.REAL_PERSON_NO,
        hedge_unclear=True,
        weak=lx_people.REAL_PERSON_WEAK,
    )
    performance = yes_no(
        segments, lx_people.PERFORMANCE_ALTERATION_YES, lx_people.PERFORMANCE_CUSTOMARY, hedge_unclear=True
    )
    if performance.yes and real_person.value != "yes":
        real_person = performance  # altering a performer's performance shows them doing what they did not do
    training = yes_no(segments, lx_rights.UNOWNED_TRAINING_YES, lx_rights.OWNED_MATERIAL, hedge_unclear=True)
    if training.value == "no" and not find_hits(lx_rights.TRAINING_ANY, segments):
        training = Answer()  # "our own footage" without any training says nothing about training
    if training.unknown and training.evidence is None:
        no_training = find_hits(lx_inputs.NO_TRAINING, segments)
        trains = [
            h for h in find_hits(lx_rights.TRAINING_ANY, segments) if not h.negated and not _inside(h, no_training)
        ]
        if trains and not find_hits(lx_rights.OWNED_MATERIAL, segments):
            training = _answer("unknown", trains[0], note="training data ownership not stated")
    proprietary = yes_no(segments, lx_inputs.PROPRIETARY_INPUT_YES, lx_inputs.GENERIC_INPUTS, hedge_unclear=True)
    data_handling = detect_data_handling(segments)
    proprietary = _generic_only_if_said(proprietary, data_handling, segments)
    if proprietary.unknown and proprietary.evidence is None:
        mentioned = [h for h in find_hits(lx_inputs.PROPRIETARY_MENTION, segments) if not h.negated]
        if mentioned:
            proprietary = _answer("yes" if _said_as_input(mentioned[0]) else "unknown", mentioned[0])
    personal_data = yes_no(segments, lx_inputs.PERSONAL_DATA_YES, lx_inputs.PERSONAL_DATA_NO, hedge_unclear=True)
    if personal_data.unknown and personal_data.evidence is None:
        soft = [h for h in find_hits(lx_inputs.PERSONAL_DATA_SOFT, segments) if not h.negated]
        if soft:
            personal_data = _answer("unknown" if soft[0].hedged or soft[0].segment.aside else "yes", soft[0])
    performer = Answer()
    if real_person.value != "no":
        performers = [h for h in find_hits(lx_people.PERFORMER, segments) if not h.negated]
        performer = _answer("yes", performers[0]) if performers else Answer()
    tool_hits = find_hits(lx.TOOL, segments)
    hedge = detect_hedge(segments)
    fields = touched(
        {
            "final_output": final,
            "key_creative": yes_no(segments, lx_rights.KEY_CREATIVE_YES, lx_rights.KEY_CREATIVE_NO, hedge_unclear=True),
            "real_person": real_person,
            "performance_alteration": performance,
            "union_work": yes_no(segments, lx_people.UNION_WORK_YES, lx_people.UNION_WORK_NO, hedge_unclear=True),
            "personal_data": personal_data,
            "proprietary_input": proprietary,
            "third_party_ip": yes_no(
                segments, lx_rights.THIRD_PARTY_IP_YES, lx_rights.THIRD_PARTY_IP_NO, hedge_unclear=True
            ),
            "unowned_training": training,
            "misleading": yes_no(segments, lx_rights.MISLEADING_YES, lx_rights.MISLEADING_NO, hedge_unclear=True),
        },
        segments,
        screen_bound=stage.value not in LOW_RISK_STAGES and stage.value != Stage.WRITING,
    )
    fields["final_output"] = _unsettled_by_hedge(fields["final_output"], hedge, segments)
    return AIUse(
        summary=segments[0].text,
        tool=_answer("yes", tool_hits[0]) if tool_hits else Answer(),
        stage=stage,
        media=detect_media(segments),
        performer=performer,
        consent=detect_consent(segments),
        data_handling=data_handling,
        vendor_pipeline=yes_no(segments, lx_inputs.VENDOR_PIPELINE),
        hedged=hedge,
        **fields,
    )


def _generic_only_if_said(
    proprietary: Answer, data_handling: Choice[DataHandling], segments: list[PlanSegment]
) -> Answer:
    """ "No script pages, no footage" says what stays out of a tool that may keep its inputs, not that what goes in is
    trivial. In a free or consumer tool, inputs count as generic only when the plan says so ("generic prompts", "only
    text prompts"); with terms unstated, when the plan describes its inputs in detail ("I'd be typing in our rigging
    plan … pretty detailed") they do not either. Either way the area becomes unclear: escalate, and ask."""
    if proprietary.value != "no" or lx_inputs.GENERIC_PROMPTS.search(proprietary.evidence or ""):
        return proprietary
    said_generic = [h for h in find_hits(lx_inputs.GENERIC_PROMPTS, segments) if _lowers(h) and not h.negated]
    if data_handling.value == DataHandling.MAY_TRAIN and not said_generic:
        return Answer(value="unknown", evidence=proprietary.evidence, note="inputs not said to be generic")
    detailed = [h for h in find_hits(lx_inputs.DETAILED_INPUT, segments) if not h.negated]
    if data_handling.value == DataHandling.UNKNOWN and detailed and not said_generic:
        return _answer("unknown", detailed[0], note="inputs described in detail, not said to be generic")
    return proprietary


def _said_as_input(mention: PatternHit) -> bool:
    """Production material named in or around a use is taken as its input ("coverage on the pilot script"), unless
    hedged, named as where the output goes ("temp cues for the rough cut", "in the assembly", "rough cut scratch
    VO"), or named only in a
    title ("Temp music note (ep 1-3 rough cuts)"): then it is touched, not said, and escalates with the question
    that settles it."""
    destination = _preceded_by(mention, lx_final.DESTINATION, words=3) or bool(
        lx_final.TEMP_OUTPUT_AFTER.match(mention.segment.text, mention.end)
    )
    title = not mention.segment.local and is_heading(mention.segment.text)
    return not (mention.hedged or destination or title or mention.segment.aside)


def _unsettled_by_hedge(final: Answer, hedge: Answer, segments: list[PlanSegment]) -> Answer:
    """A final status the partner hedges about, in its own sentence or the next ("the director has floated keeping
    them in the final mix. We honestly haven't decided"; "probably temp, but it might just stay"), is unclear, not
    stated: the hedge escalates it, and approval waits for the partner's answer (the brief: "might keep it in the
    final" is unsure, not a certain final deliverable)."""
    if final.value != "yes" or not hedge.yes:
        return final
    texts = [s.text for s in segments]  # the use's own sentences in the plan's order, then its lead-in
    if final.evidence not in texts or hedge.evidence not in texts:
        return final
    at, hedged_at = texts.index(final.evidence), texts.index(hedge.evidence)
    if hedged_at in (at, at + 1) and lx_final.FINAL_STATUS_TOPIC.search(hedge.evidence):
        return Answer(value="unknown", evidence=final.evidence, note="the partner hedges")
    return final


class LexicalExtractor:
    """Offline extractor; also the tripwire the hybrid extractor runs beside an LLM."""

    name = "lexical"
    prompt_version: str | None = None

    def extract(self, intake: Submission | Intake) -> Extraction:
        with one_reading():
            return self._extract(read_intake(intake))

    def _extract(self, source: Submission) -> Extraction:
        language = detect_language(source.text)
        code = language.code
        if code == "unknown" and language.latin_share >= 0.9 and len(source.text.split()) <= 8:
            code = "en" if lx.AI_CUE.search(source.text) else "unknown"
        if code in READABLE:
            return self._read(source, code)
        # fail closed, yet what it can read still counts: a paragraph in another script or language (an injected
        # one, say) must not hide the risk of the sentences around it; those uses can only add to the escalation
        readable = readable_language(source.plan)
        return Extraction(
            uses=self._read(source, readable, latin_only=True).uses if readable else [],
            language=code,
            extractor=self.name,
            failure="the plan appears to be in a language the offline extractor cannot read "
            f"(it reads {', '.join(READABLE)})",
        )

    def _read(self, source: Submission, code: str, *, latin_only: bool = False) -> Extraction:
        segments = split_segments(source.plan, code)
        for line in source.answer_lines:  # the service's questions are never evidence; the partner's answers are
            segments += split_segments(line, code, answer=True)
        if latin_only:
            segments = [s for s in segments if latin_share(s.text) >= LATIN_SEGMENT]
        segments = [replace(s, language=_sentence_language(s.text, code)) for s in segments]
        groups, about_the_plan = group_uses(segments)
        summaries = [group[0].text for group in groups]
        for index, lines in source.answers_for_use(summaries).items():  # an answer about a use: read with it only
            if index < len(groups):
                groups[index] = groups[index] + [s for line in lines for s in split_segments(line, code)]
        notes: list[Any] = []
        if any(s.untrusted for s in segments):
            notes.append("the plan contains instructions addressed to the triage; they were read as data only")
        failure = None
        groups = [group + [s for s in about_the_plan if s not in group] for group in _without_headers(groups)]
        read = within_budget(groups)
        uses = [read_use(group) for group in read]
        if not uses and segments:
            whole = read_use(from_the_prompted_tool(segments))
            if lx.PROMPTED_TOOL.search(source.plan):  # "generic prompts into the corporate image tool"
                uses = [whole]
            elif _touches_risk(whole):  # "the generator will swap the stunt double's face": no AI word, yet risky
                uses = [whole]
                failure = (
                    "no generative-AI tool or technique was recognised, yet the plan touches areas that need approval;"
                    " it was read as one use for a person to check"
                )
        if len(read) < len(groups):  # bounded work and result size; a person reads what no rule should guess at
            failure = (
                f"the plan describes more AI uses than one submission is read for, {MAX_LEXICAL_USES} uses or "
                f"{MAX_READ_CHARS:,} characters of them; the first {len(read)} were read, so split it into several "
                "submissions"
            )
        return Extraction(
            uses=uses,
            language=code,
            extractor=self.name,
            failure=failure,
            notes=notes,
        )


def _without_headers(groups: list[list[PlanSegment]]) -> list[list[PlanSegment]]:
    """A heading that names AI but says nothing about what it is for or what it touches ("GenAI notice: Ridge
    Runners", "Plano de uso de IA"), with any greeting or lead-in under it that says nothing either ("Hola Inés:",
    "I'm writing as the guidance asks"), is no use: it becomes lead-in text of the use after it, which it can never
    lower. A sentence whose purpose is unclear stays a use of its own, and escalates."""
    out: list[list[PlanSegment]] = []
    carried: list[PlanSegment] = []
    for n, group in enumerate(groups):
        group = [*group, *carried] if carried else group
        carried = []
        # the cheap tests first: reading a group is the costly part, and a long plan has many
        heading = n + 1 < len(groups) and is_heading(group[0].text)
        if heading and _says_nothing(read_use(group)):
            carried = [replace(s, local=False) for s in group]
        else:
            out.append(group)
    return out


def _says_nothing(use: AIUse) -> bool:
    """No tool, no stage and no risk area: what a heading that only names AI reads as."""
    return not use.tool.yes and use.stage.value == Stage.UNKNOWN and not _touches_risk(use)


def _sentence_language(text: str, plan_language: str) -> str:
    """A sentence's own language when it is plainly one we read (a plan may mix them: an English line above a
    Portuguese plan must not make Portuguese "no", "in the", read as a negation); else the plan's."""
    guess = detect_language(text)
    return guess.code if guess.code in READABLE and len(text.split()) >= 4 else plan_language


def _sentence_denies(hit: PatternHit) -> bool:
    """A negation earlier in the sentence that distributes over a list: "no generated image goes into the boards,
    the animatic or the final cut"."""
    before = BUT.split(segment_index(hit.segment.text).masked[: hit.start])[-1]  # "nothing says so, but it airs"
    before = " ".join(before.split()[-NEGATION_WINDOW:])
    return bool(lx.negation_for(hit.segment.language).search(before))


def _touches_risk(use: AIUse) -> bool:
    """True when any risk question of the record is answered yes or touched (unknown with evidence)."""
    return any(getattr(use, name).value == "yes" or getattr(use, name).evidence for name in GUARDED)


def readable_language(plan: str) -> str | None:
    """The readable language of the part of a plan that can be read, when the whole plan reads as no one language:
    its Latin-script sentences when only some are Latin, else the language most of its sentences are plainly in (a
    plan in two languages we read, "Ignore as instruções anteriores … Salut, Fred propose …", is still read)."""
    segments = split_segments(plan)
    latin = [s.text for s in segments if latin_share(s.text) >= LATIN_SEGMENT]
    if not latin:
        return None
    if len(latin) < len(segments):
        code = detect_language(" ".join(latin)).code
        return code if code in READABLE else None
    codes = Counter(code for code in (detect_language(text).code for text in latin) if code in READABLE)
    return codes.most_common(1)[0][0] if codes else None
