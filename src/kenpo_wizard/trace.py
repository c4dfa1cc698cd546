"""What an answer rests on: the rule ids and the codes the rules may record (spec/domain.md).

Every code an answer can carry is declared here, once; :mod:`kenpo_wizard.texts` words each
one and a test holds the two together, so no code can reach a member raw.
"""

from __future__ import annotations

from .leaflet import Section
from .registry import RULES

SECTION_ORDER = tuple(Section)

# Every code an answer can carry; the texts word each one (a test holds them to it).
NOTE_CODES = (
    "over_75",
    "not_yet_joined",
    "eligibility_lost",
    "health_card_expired",
    "certificate_expired_validity",
    "notice_reissue_not_needed",
    "notice_needed_for_reader_trouble",
    "reader_backup",
    "waiting_for_certificate",  # P12
    "new_member_applies",  # P2: a new member with a 職権 reason still applies on the forms
    "notice_pending",  # R30 (v3 A3): マイナ保険証 works once the お知らせ arrives
    "waiting_for_notice",  # P12 (v3 A3): care before the お知らせ arrives
    "register_after_validity",  # P13: after 2029-12-01, マイナ保険証 is recommended
)
CONTACT_CODES = (
    "no_employer",
    "assisted_child",
    "health_card_lost",
    "certificate_lost",
    "certificate_and_registered",
    "certificate_renewal",
    "certificate_not_received",
    "notice_not_received",
    "nothing_to_show",
)
REFERENCE_CODES = (
    "temporary_measure",  # P8, while it ran
    "temporary_measure_ended",  # P8, as history (P13): the guide's history page, not answers (P16)
    "certificate_grace",  # P8
    "card_suspension",  # P8: stop a lost マイナンバーカード
    "shorter_validity",  # P3/P10
    "after_loss",  # P10: what to use after 資格喪失
    "return_within_5_days",  # P10
    "later_elderly",  # P5
    "registration_routes",  # R9's own reference
)
FIRST_STEPS = (
    "later_elderly",  # 75 and over: outside this association
    "after_loss",  # 資格喪失: return what is due, then the new insurer
    "before_joining",
    "show",
    "submit_then_show",
    "check",  # an answer the member could not give decides the case
    "submit",
    "contact",
    "wait",  # P11/P12: a 資格確認書 is coming, nothing to show yet
    "wait_notice",  # R30 (v3 A3): the お知らせ is coming; マイナ保険証 works from then
)
ASK_CODES = ("employer", "association", "new_insurer", "municipality")
CHANGE_KINDS = (
    "coverage_starts",
    "coverage_ends",
    "certificate_validity_ends",  # P13: the leaflet is silent on what follows
    "show_changes",
    "contact_needed",
    "submit_changes",
    "abolition",
    "transition_ends",
    "other",
)


class Trace:
    """Collects the rule ids and codes behind an answer."""

    def __init__(self) -> None:
        self.rules: list[str] = []
        self.notes: list[str] = []
        self.contact: list[str] = []
        self.refs: list[str] = []

    def by(self, *rules: str) -> None:
        for rule in rules:
            assert rule in RULES, rule
            if rule not in self.rules:
                self.rules.append(rule)

    def note(self, code: str) -> None:
        assert code in NOTE_CODES, code
        if code not in self.notes:
            self.notes.append(code)

    def ask_association(self, code: str, rule: str) -> None:
        assert code in CONTACT_CODES, code
        if code not in self.contact:
            self.contact.append(code)
        self.by(rule)

    def refer(self, code: str, rule: str) -> None:
        assert code in REFERENCE_CODES, code
        if code not in self.refs:
            self.refs.append(code)
        self.by(rule)

    def sources(self) -> tuple[Section, ...]:
        found = {s for r in self.rules for s in RULES[r].sections}
        return tuple(s for s in SECTION_ORDER if s in found)
