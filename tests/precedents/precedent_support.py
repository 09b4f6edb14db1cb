"""Shared by the precedent tests: principals of two partner organisations and a contact, plans, and a store with a
real precedent index beside it (real Chroma in the test's folder, the real model)."""

from __future__ import annotations

from dataclasses import dataclass

from triage_support import FakePipeline

from triage import service
from triage.precedents.index import PrecedentIndex
from triage.precedents.sync import Sync
from triage.records import Intake
from triage.store.accounts import Principal
from triage.store.cases import Case, Store

ACME = Principal(key_id="k_acme", role="partner", org="acme")
GLOBEX = Principal(key_id="k_globex", role="partner", org="globex")
CONTACT = Principal(key_id="k_contact", role="contact", org="studio")

VOICE = (
    "For the final mix we will clone the lead actor's voice with ElevenLabs to fix ADR lines; he has not agreed yet."
)
VOICE_AGAIN = (
    "We want to clone our lead actor's voice in ElevenLabs for ADR pickups in the final mix; no consent so far."
)
MOOD = "The art department will make mood boards in Midjourney for the pitch deck; nothing reaches the screen."


@dataclass
class World:
    store: Store
    index: PrecedentIndex
    sync: Sync

    def submit(self, text: str, who: Principal = ACME) -> Case:
        intake = Intake(text=text)
        return service.submit(self.store, FakePipeline(), intake, org=who.org, actor=who.key_id, actor_role=who.role)

    def ids(self, case: Case, who: Principal = CONTACT) -> list[str]:
        return [p.case.id for p in service.precedents(self.store, self.index, case.id, principal=who).items]
