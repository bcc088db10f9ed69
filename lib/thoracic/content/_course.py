"""The course map: which notebooks exist, in what order, and what each one teaches."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["COURSE", "NAVIGATION_MARKER", "NotebookInfo", "notebook_by_slug"]

# Every notebook starts and ends with a markdown cell of previous / contents / next links
# that begins with this comment: ``thoracic nav`` writes them, the site's export styles them.
NAVIGATION_MARKER = "<!--NAVIGATION-->"


@dataclass(frozen=True)
class NotebookInfo:
    """One notebook of the course, as listed in the contents."""

    number: int
    slug: str
    title: str
    article_section: str
    summary: str

    @property
    def stem(self) -> str:
        """File name without suffix, for example ``03-foam-roller-extension``."""
        return f"{self.number:02d}-{self.slug}"

    @property
    def filename(self) -> str:
        return f"{self.stem}.ipynb"


COURSE: tuple[NotebookInfo, ...] = (
    NotebookInfo(0, "start-here", "Start here", "(course frame)",
                 "How the course works, a safety check, and where your progress is kept."),
    NotebookInfo(1, "introduction", "Introduction", "Introduction",
                 "What this course can do for you, your upper back in one picture, the map."),
    NotebookInfo(2, "why-thoracic-flexibility", "Why a flexible upper back matters",
                 "Importance of Thoracic Spine Flexibility",
                 "Posture, alignment, strain on nearby muscles, and smooth movement."),
    NotebookInfo(3, "foam-roller-extension", "Exercise 1: Foam roller extension",
                 "Effective Stretches and Exercises (1)",
                 "Bend your upper back gently over a foam roller."),
    NotebookInfo(4, "childs-pose", "Exercise 2: Child's pose",
                 "Effective Stretches and Exercises (2)",
                 "Sit back to your heels and let your back grow long."),
    NotebookInfo(5, "kneeling-thoracic-extension", "Exercise 3: Kneeling thoracic extension",
                 "Effective Stretches and Exercises (3)",
                 "Kneel tall and lift your chest to arch your upper back."),
    NotebookInfo(6, "open-book", "Exercise 4: Side-lying open book",
                 "(beyond the article: rotation)",
                 "Lie on your side and open your arm like a book, to turn your upper back."),
    NotebookInfo(7, "prone-y-raise", "Exercise 5: Prone Y raise",
                 "(beyond the article: strength)",
                 "Lie face down and lift your arms a little, to make your upper back stronger."),
    NotebookInfo(8, "daily-routine", "Your daily routine", "Enhancing Comfort and Posture",
                 "Four exercises in one short routine, and a longer one with strength work."),
    NotebookInfo(9, "mobilization-benefits", "What a mobile upper back can do",
                 "Thoracic Spine Mobilization Benefits",
                 "Breathing, shoulders, range of motion, and three self-tests."),
    NotebookInfo(10, "conclusion", "Wrapping up: your plan", "Conclusion",
                 "What you learned and a plan for the weeks ahead."),
    NotebookInfo(11, "faq", "Questions people ask", "FAQs",
                 "The five common questions, answered with sources."),
    NotebookInfo(12, "my-progress", "My progress", "(dashboard)",
                 "Your practice history, streak and self-test trends."),
)


def notebook_by_slug(slug: str) -> NotebookInfo:
    """Find a notebook by its slug (``"faq"``) or stem (``"11-faq"``)."""
    for info in COURSE:
        if slug in (info.slug, info.stem):
            return info
    known = ", ".join(info.stem for info in COURSE)
    raise KeyError(f"No notebook called {slug!r}. Known notebooks: {known}.")
