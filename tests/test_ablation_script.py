"""scripts/gazetteer-ablation.py: the built-in gazetteer without some kinds still loads."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _script():
    spec = importlib.util.spec_from_file_location("gazetteer_ablation", ROOT / "scripts" / "gazetteer-ablation.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ablated_gazetteer_loads_without_the_dropped_kinds(tmp_path):
    from kg.gazetteer import load_gazetteer

    dropped, kept = _script().ablated(ROOT / "data" / "gazetteer", tmp_path, {"University", "ResearchInstitute"})
    gazetteer = load_gazetteer([tmp_path])  # raises if a member list still names a dropped entry
    kinds = {entry.kind for entry in gazetteer.entries.values()}
    assert dropped > 500 and kept > 500
    assert "University" not in kinds and "ResearchInstitute" not in kinds
    assert {"Alliance", "Ranking", "Program", "Country"} <= kinds
    assert gazetteer.lookup("ASRTU")[0].kind == "Alliance"
