"""The knowledge base: treaties, memberships and obligations, queried by date."""

from casus.kb.knowledge_base import KnowledgeBase
from casus.kb.listing import KINDS, list_treaties, treaty_detail
from casus.kb.profile import StateProfile, state_profile
from casus.kb.records import Binding

__all__ = ["KINDS", "Binding", "KnowledgeBase", "StateProfile", "list_treaties", "state_profile", "treaty_detail"]
