"""The public API is what notebooks call plus a few types; changing it is a decision."""

from __future__ import annotations

import json
from pathlib import Path

import thoracic

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"

PUBLIC_API = [
    "COURSE",
    "Checklist",
    "CoachTimer",
    "Exercise",
    "ProgressStore",
    "Rendered",
    "Store",
    "StoreError",
    "TimerPlan",
    "course_map",
    "daily_checklist",
    "dashboard",
    "discomfort_scale",
    "do_it_now",
    "dose_story",
    "exercise_diagram",
    "exercise_timer",
    "fix_entries",
    "form_checklist",
    "get_exercise",
    "knowledge_check",
    "movement_animation",
    "next_day_check",
    "plan_history_table",
    "progress_store",
    "rate_earlier_practice",
    "red_flag_banner",
    "routine_summary",
    "routine_timer",
    "safety_screen",
    "self_test_form",
    "self_test_picture",
    "share_with_teacher",
    "show_exercise",
    "show_glossary",
    "spine_picture",
    "stop_rules",
    "todays_practice",
    "week_plan",
]


def test_public_api_is_pinned() -> None:
    assert thoracic.__all__ == PUBLIC_API


def test_every_public_name_exists() -> None:
    for name in thoracic.__all__:
        assert getattr(thoracic, name) is not None, name


def test_notebooks_use_only_the_public_api() -> None:
    used = set()
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        for cell in json.loads(path.read_text("utf-8"))["cells"]:
            source = "".join(cell["source"]) if cell["cell_type"] == "code" else ""
            for line in source.splitlines():
                if line.startswith("from thoracic"):
                    module, _, names = line.partition(" import ")
                    assert module == "from thoracic", f"{path.name}: {line}"
                    used.update(name.strip() for name in names.split(","))
    assert used <= set(PUBLIC_API)
    assert len(used) >= 17  # every notebook-facing function is in use
