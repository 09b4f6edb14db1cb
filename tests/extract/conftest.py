"""Tests below tests/extract import the shared helpers in tests/ (llm_fakes, rule_cases, support) by name."""

import sys
from pathlib import Path

TESTS = str(Path(__file__).resolve().parent.parent)
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)
