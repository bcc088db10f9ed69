from __future__ import annotations

import re
from html import escape

import pytest

from thoracic import COURSE, ProgressStore, knowledge_check
from thoracic.content import QuizDataError, load_questions, parse_questions

# The start (about the red flags) and every teaching notebook end with a knowledge check.
TEACHING = [info.stem for info in COURSE if info.slug != "my-progress"]



def test_every_teaching_notebook_has_two_or_three_questions_and_the_start_up_to_six() -> None:
    # The start teaches every red flag and the next-day check, so its check is longer.
    counts = {stem: sum(q.notebook == stem for q in load_questions()) for stem in TEACHING}
    assert 3 <= counts.pop("00-start-here") <= 6
    assert all(2 <= count <= 3 for count in counts.values()), counts
    assert {q.notebook for q in load_questions()} == set(TEACHING)


def test_the_start_asks_about_red_flags_and_their_urgency() -> None:
    start = [q for q in load_questions() if q.notebook == "00-start-here"]
    right = [q.choices[q.answer] for q in start]
    assert any("emergency" in answer for answer in right)
    assert any("Today" in answer for answer in right)


def test_the_start_asks_about_chest_pain_past_cancer_and_a_worse_morning() -> None:
    start = {q.id: q for q in load_questions() if q.notebook == "00-start-here"}
    chest = start["start-chest-pain-emergency"]
    assert "do not drive" in chest.choices[chest.answer]
    assert all(number in chest.feedback[chest.answer] for number in ("999", "911", "000", "112"))
    cancer = start["start-cancer-history"]
    assert "today" in cancer.choices[cancer.answer]
    morning = start["start-worse-next-morning"]
    assert "gentler" in morning.choices[morning.answer]


# The 0 to 10 scale rates pain: an amber rating (3 to 5) is pain, never "a mild pull".
MILD_PAIN = re.compile(r"(amber|\b3 to 5\b).*(mild|a little discomfort)|"
                       r"(mild|a little discomfort).*(amber|\b3 to 5\b)", re.IGNORECASE)


def test_no_question_calls_amber_pain_mild() -> None:
    for question in load_questions():
        for text in (question.prompt, *question.choices, *question.feedback):
            assert not MILD_PAIN.search(text), (question.id, text)
    assert MILD_PAIN.search("In the green or amber zone, like a mild pull")


def test_feedback_says_right_or_wrong_for_every_choice() -> None:
    for question in load_questions():
        for n, feedback in enumerate(question.feedback):
            expected = "Yes!" if n == question.answer else "Not quite."
            assert feedback.startswith(expected), (question.id, feedback)


def test_checking_saves_each_answer_and_the_course_decides_if_it_is_right(
        store: ProgressStore) -> None:
    check = knowledge_check("04-childs-pose", store)
    assert check.kind == "quiz" and check.kept == {}
    first = check.questions[0]
    wrong = next(n for n in range(len(first.choices)) if n != first.answer)
    assert check.answer(first.id, wrong) is True
    assert check.status == {"n": 1, "problem": ""}
    # as the page sends it; "right" is the page's word, the record decides
    assert check.handle({"do": "answer", "question": first.id, "choice": wrong,
                         "right": True}) is True
    assert check.answer(first.id, first.answer) is True
    assert [(a.question, a.choice, a.correct) for a in store.quiz_answers()] == [
        (first.id, wrong, False), (first.id, wrong, False), (first.id, first.answer, True)]


def test_an_answer_that_is_not_a_choice_is_refused_and_keeps_nothing(
        store: ProgressStore) -> None:
    check = knowledge_check("04-childs-pose", store)
    first = check.questions[0]
    with pytest.raises(KeyError, match="No question 'nope'"):
        check.answer("nope", 0)
    assert check.answer(first.id, len(first.choices)) is False
    assert "no choice" in check.status["problem"]
    assert check.handle({"do": "answer", "question": "nope", "choice": 0}) is False
    assert check.handle({"do": "answer", "question": first.id, "choice": "0"}) is False
    assert check.status["n"] == 3 and check.status["problem"]
    assert store.quiz_answers() == []


def test_the_stored_preview_shows_the_questions_without_their_answers(
        store: ProgressStore) -> None:
    check = knowledge_check("04-childs-pose", store)
    data = check._repr_mimebundle_()[0]  # anywidget: (data, metadata)
    html = data["text/html"]
    assert "thoracic-preview" in html and "Check what you learned" in html
    for question in check.questions:
        assert escape(question.prompt) in html
        assert all(escape(choice) in html for choice in question.choices)
        assert all(escape(feedback) not in html for feedback in question.feedback)
    assert "Show the answer" not in html
    assert data["text/plain"].startswith("Check what you learned. Run this cell")


def test_dashboard_counts_the_latest_try(store: ProgressStore) -> None:
    from thoracic import dashboard

    a, b = load_questions()[:2]
    store.record_quiz_answer(a.id, 0, False)
    store.record_quiz_answer(a.id, 1, True)
    store.record_quiz_answer(b.id, 2, False)
    assert "Knowledge checks: 1 of 2 questions answered right" in dashboard(store).text


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[[question]]\nid = "a"\n', "has no 'notebook' field"),
        ('[[question]]\nid="a"\nnotebook="99-nope"\nprompt="p"\nchoices=["x","y"]\nanswer=0\n'
         'feedback=["Yes! a","Not quite. b"]\n', "no notebook called '99-nope'"),
        ('[[question]]\nid="a"\nnotebook="11-faq"\nprompt="p"\nchoices=["x","y"]\nanswer=2\n'
         'feedback=["Yes! a","Not quite. b"]\n', "answer 2 is not a choice number"),
        ('[[question]]\nid="a"\nnotebook="11-faq"\nprompt="p"\nchoices=["x","y"]\nanswer=0\n'
         'feedback=["Yes! a"]\n', "one feedback line per choice"),
    ],
)
def test_bad_questions_are_refused(toml: str, message: str) -> None:
    with pytest.raises(QuizDataError, match=message):
        parse_questions(toml)


def _score(pick) -> tuple[float, float]:
    """(share a strategy answers right, share a blind guess would) across the course."""
    questions = load_questions()
    right = sum(pick(q) == q.answer for q in questions) / len(questions)
    chance = sum(1 / len(q.choices) for q in questions) / len(questions)
    return right, chance


def test_picking_the_longest_choice_does_not_beat_chance_by_more_than_ten_points() -> None:
    right, chance = _score(lambda q: max(range(len(q.choices)), key=lambda i: len(q.choices[i])))
    assert right <= chance + 0.10, f"the longest choice is right {right:.0%} of the time"


@pytest.mark.parametrize("position", range(4))
def test_always_picking_one_position_does_not_beat_chance_by_more_than_ten_points(
        position: int) -> None:
    right, chance = _score(lambda q: position)
    assert right <= chance + 0.10, f"choice {position + 1} is right {right:.0%} of the time"
