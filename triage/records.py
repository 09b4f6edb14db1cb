"""The data every pipeline stage passes on: intake, AI-use records, findings and the public result.

An AI-use record answers each material question yes / no / unknown with a verbatim quote of the partner's text
as evidence. A yes or no without a quote found in the text is not evidence: extractors turn it into unknown.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

Route = Literal["notify", "escalate"]
Severity = Literal["approval", "escalate", "reminder"]
PrincipleAnswer = Literal["yes", "no", "unsure"]
YesNo = Literal["yes", "no", "unknown"]


class Trigger(StrEnum):
    """The fixed public vocabulary of approval triggers (guidance brief, "Trigger codes")."""

    FINAL_DELIVERABLE = "final_deliverable"
    TALENT_LIKENESS = "talent_likeness"
    PERSONAL_DATA = "personal_data"
    THIRD_PARTY_IP = "third_party_ip"
    PROPRIETARY_MATERIAL = "proprietary_material"
    KEY_CREATIVE_ELEMENT = "key_creative_element"
    PERFORMANCE_ALTERATION = "performance_alteration"
    UNION_WORK = "union_work"
    MISLEADING_CONTENT = "misleading_content"
    UNOWNED_TRAINING_DATA = "unowned_training_data"
    DATA_RETENTION = "data_retention"
    PARTNER_UNSURE = "partner_unsure"


class ProductionType(StrEnum):
    SCRIPTED = "scripted"
    DOCUMENTARY = "documentary"
    UNSCRIPTED = "unscripted"
    ANIMATION = "animation"
    MARKETING = "marketing"


class Stage(StrEnum):
    """Purpose or production stage of one AI use."""

    IDEATION = "ideation"
    PITCH = "pitch"
    PREVIS = "previs"
    TEMP = "temp"
    PRODUCTION = "production"
    POST_VFX = "post_vfx"
    SOUND = "sound"
    DUBBING = "dubbing_localization"
    MARKETING = "marketing"
    WRITING = "writing"
    ADMIN = "admin"
    UNKNOWN = "unknown"


class Media(StrEnum):
    IMAGE = "image"
    VIDEO = "video"
    VOICE = "voice"
    MUSIC = "music"
    AUDIO = "audio"
    TEXT = "text"
    MODEL_3D = "3d"


class Consent(StrEnum):
    """Consent of the person whose voice, likeness or performance is used."""

    OBTAINED = "obtained"  # documented consent exists now
    PENDING = "pending"  # promised, requested or arriving later: not consent yet
    ABSENT = "absent"  # refused, or the plan proceeds without it
    UNKNOWN = "unknown"


class DataHandling(StrEnum):
    """What the tool does with the production's inputs and outputs."""

    ENTERPRISE = "enterprise"  # under an enterprise agreement that forbids capture/training/resale
    NO_TRAINING = "no_training"  # the partner states the tool neither stores nor trains on inputs
    MAY_TRAIN = "may_train"  # free/consumer tier, or the tool stores/trains on inputs
    UNKNOWN = "unknown"


T = TypeVar("T")


class Answer(BaseModel):
    """A yes / no / unknown answer to one material question, with the partner's own words as evidence."""

    model_config = ConfigDict(frozen=True)

    value: YesNo = "unknown"
    evidence: str | None = Field(default=None, description="verbatim quote of the partner's text")
    note: str | None = Field(default=None, description="why the answer is unknown, e.g. two extractors disagree")

    @property
    def yes(self) -> bool:
        return self.value == "yes"

    @property
    def no(self) -> bool:
        return self.value == "no"

    @property
    def unknown(self) -> bool:
        return self.value == "unknown"


class Choice(BaseModel, Generic[T]):
    """A categorical answer (stage, consent, data handling) with its evidence quote."""

    model_config = ConfigDict(frozen=True)

    value: T
    evidence: str | None = Field(default=None, description="verbatim quote of the partner's text")
    note: str | None = None


UNKNOWN = Answer()


class AIUse(BaseModel):
    """One distinct use of generative AI described in a plan, with each material question answered."""

    model_config = ConfigDict(frozen=True)

    summary: str = Field(description="the partner's sentence(s) describing this use, verbatim")
    tool: Answer = Field(default=UNKNOWN, description="yes if a tool or vendor is named; evidence names it")
    stage: Choice[Stage] = Field(default=Choice[Stage](value=Stage.UNKNOWN))
    media: list[Media] = Field(default_factory=list, description="kinds of output generated")
    final_output: Answer = Field(
        default=UNKNOWN, description="seen or heard in the final cut or a marketing deliverable (background too)"
    )
    key_creative: Answer = Field(
        default=UNKNOWN, description="main character, key visual, central setting or prominent story element"
    )
    real_person: Answer = Field(
        default=UNKNOWN, description="recreates the voice or likeness of a real, identifiable person"
    )
    performer: Answer = Field(
        default=UNKNOWN, description="the real person is a performer (actor, voice actor, narrator, host, singer)"
    )
    performance_alteration: Answer = Field(
        default=UNKNOWN, description="significantly alters a performance's emotional tone, delivery or intent"
    )
    consent: Choice[Consent] = Field(default=Choice[Consent](value=Consent.UNKNOWN))
    union_work: Answer = Field(
        default=UNKNOWN, description="replaces or materially affects union-covered work (actors, writers, crew)"
    )
    personal_data: Answer = Field(default=UNKNOWN, description="personal data (cast or crew details) goes in")
    proprietary_input: Answer = Field(
        default=UNKNOWN, description="studio-owned material (scripts, unreleased footage, images, contracts) goes in"
    )
    third_party_ip: Answer = Field(
        default=UNKNOWN, description="references copyrighted works, named artists' styles, public figures, brands"
    )
    unowned_training: Answer = Field(
        default=UNKNOWN, description="trains or fine-tunes a model on material the production does not own"
    )
    data_handling: Choice[DataHandling] = Field(default=Choice[DataHandling](value=DataHandling.UNKNOWN))
    misleading: Answer = Field(default=UNKNOWN, description="could be mistaken for real events, people or statements")
    vendor_pipeline: Answer = Field(default=UNKNOWN, description="a vendor's multi-tool or custom pipeline")
    hedged: Answer = Field(default=UNKNOWN, description="the partner hedges or is unsure about a principle")


# The yes/no/unknown questions of a record, in order: what rules are written over and extractors merge.
ANSWER_FIELDS: tuple[str, ...] = tuple(
    name for name, field in AIUse.model_fields.items() if field.annotation in (Answer, "Answer")
)


# The categorical questions of a record (stage, consent, data handling), in order.
CHOICE_FIELDS: tuple[str, ...] = tuple(
    name
    for name, field in AIUse.model_fields.items()
    if isinstance(field.annotation, type) and issubclass(field.annotation, Choice)
)


def quotes_the_plan(use: AIUse) -> bool:
    """True when at least one of the record's answers or choices carries a quote (the summary alone does not count:
    a reader that understood nothing can still copy the whole plan into it)."""
    choices = (use.stage, use.consent, use.data_handling)
    return any(getattr(use, name).evidence for name in ANSWER_FIELDS) or any(c.evidence for c in choices)


INTAKE_MAX_CHARS = 100_000  # the most an intake holds, whatever TRIAGE_MAX_TEXT_CHARS says


class PartnerAnswer(BaseModel):
    """The partner's answer to one follow-up question (the question is the service's wording, never evidence).

    An answer to a question record carries its `question_id`, the `use` it concerns (index into the uses of the
    reading it answered, and `use_summary`, that use's sentence, which finds the use again in a revised plan) and
    the `facts` it would settle: extractors read it in the context of that use only. An
    answer without a use (the deprecated free-text shape) speaks of the whole plan and can only add risk.
    """

    model_config = ConfigDict(frozen=True)

    question: str = ""
    answer: str = Field(min_length=1)
    question_id: str | None = None
    use: int | None = Field(default=None, ge=0)
    facts: tuple[str, ...] = ()
    use_summary: str | None = Field(default=None, description="the use's sentence: it finds the use again")


class QuestionRecord(BaseModel):
    """A follow-up question: a stable id, the use it concerns, the facts an answer would settle, the rule that asked."""

    model_config = ConfigDict(frozen=True)

    id: str
    use: int | None = Field(description="index into uses, or null for a question about the whole plan")
    facts: list[str] = Field(default_factory=list, description="the record fields an answer would settle")
    rule: str = Field(description="the rule that asked it (the first, when several rules ask the same question)")
    text: str


class AnswerEffect(BaseModel):
    """What one of the partner's answers settled: for each fact it was asked about, the value read and whether the
    answer's own words are the evidence for it."""

    question_id: str | None
    use: int | None
    settled: dict[str, str] = Field(default_factory=dict, description="fact -> value, backed by the answer's words")
    open: list[str] = Field(default_factory=list, description="facts the answer was asked about and did not settle")


class Intake(BaseModel):
    """What a partner submits: the plan and, on a re-triage, their answers to the follow-up questions, apart."""

    text: str = Field(min_length=1, max_length=INTAKE_MAX_CHARS)
    production_type: ProductionType | None = None
    production_title: str | None = Field(default=None, max_length=300)
    answers: list[PartnerAnswer] = Field(default_factory=list)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("the plan text is empty")
        return text


class ExtractionStats(BaseModel):
    llm_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_ms: float = 0.0
    cached: bool = False
    evidence_dropped: int = 0


class Extraction(BaseModel):
    """What an extractor read in a plan: the uses, plus why it could not read it when it could not."""

    uses: list[AIUse] = Field(default_factory=list)
    language: str = "unknown"
    extractor: str = "lexical"
    failure: str | None = Field(default=None, description="why the text could not be understood, if so")
    notes: list[str] = Field(default_factory=list, description="e.g. disagreements between extractors")
    stats: ExtractionStats = Field(default_factory=ExtractionStats)
    tripwire: Extraction | None = Field(
        default=None, description="the deterministic reading a hybrid merged; every finding of it survives the merge"
    )
    tripwire_uses: list[int] = Field(default_factory=list, description="for each tripwire use, its index in `uses`")


class Citation(BaseModel):
    section: str
    title: str
    text: str = Field(description="a passage of the loaded policy section, verbatim")
    url: str | None = None


class Finding(BaseModel):
    rule: str
    trigger: Trigger | None
    severity: Severity
    use: int | None = Field(description="index into uses, or null for a finding about the whole case")
    reason: str
    evidence: str | None = None
    sections: list[str] = Field(default_factory=list, description="policy section ids the rule rests on")
    citations: list[Citation] = Field(default_factory=list)


class TraceStep(BaseModel):
    """One line of the engine's reasoning: which rule was checked on which use, and what came of it."""

    rule: str
    use: int | None
    outcome: Literal["fired", "suppressed"]
    detail: str


class TriageResult(BaseModel):
    """The public result (contracts §1)."""

    case_id: str | None = None
    route: Route
    approval_required: bool
    triggers: list[Trigger]
    principles: dict[str, PrincipleAnswer]
    uses: list[AIUse]
    findings: list[Finding]
    questions: list[str]
    question_records: list[QuestionRecord] = Field(default_factory=list)
    answered: list[AnswerEffect] = Field(default_factory=list, description="what each answer read settled")
    extractor: str
    policy_version: str
    prompt_version: str | None = None
    summary: str = ""
    language: str = "unknown"
    trace: list[TraceStep] = Field(default_factory=list)
    stats: ExtractionStats = Field(default_factory=ExtractionStats)
    notes: list[str] = Field(default_factory=list)
