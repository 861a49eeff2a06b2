"""Small Success (ระดับขั้นความสำเร็จ): one box per month, one milestone per line.

Milestones keep their ids through an edit (follow-up ticks them by id): a line whose text a
milestone of that month has keeps that milestone; the other lines take the month's remaining
milestones in order (a retyped line stays the same milestone), and lines beyond them are new.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from srmtool.model.limits import MAX_PLAN_ITEMS
from srmtool.model.plan import Milestone, Plan, new_milestone_id
from srmtool.ui.follow_language import follow_language
from srmtool.ui.text_limit import LimitedPlainTextEdit


def lines(text: str) -> list[str]:
    """The non-empty lines of a box, spaces tidied, at most ``MAX_PLAN_ITEMS``."""
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()][:MAX_PLAN_ITEMS]


def milestones_from(plan: Plan, typed: dict[int, list[str]]) -> tuple[Milestone, ...]:
    """The milestones the boxes hold (``typed``: month -> lines), ids kept as the module says."""
    taken = {m.id for m in plan.milestones}
    out: list[Milestone] = []
    for months in sorted(typed):
        before = list(plan.milestones_at(months))
        by_text = {m.text: m for m in reversed(before)}
        kept: list[Milestone | None] = []
        for text in typed[months]:
            found = by_text.pop(text, None)
            if found is not None:
                before.remove(found)
            kept.append(found)
        for text, found in zip(typed[months], kept, strict=True):
            if found is None and before:
                found = before.pop(0)
            if found is None:
                mid = new_milestone_id(taken)
                taken.add(mid)
                out.append(Milestone(mid, months, text))
            else:
                out.append(Milestone(found.id, months, text, found.extra))
    return tuple(out)


class MilestoneBoxes(QWidget):
    """A box per month of the plan (3, 6, 9, 12 and any other a milestone falls on)."""

    def __init__(self, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan = plan
        self.boxes: dict[int, LimitedPlainTextEdit] = {}
        self._captions: dict[int, QLabel] = {}
        self._hint = QLabel(self)
        self._hint.setWordWrap(True)
        grid = QGridLayout(self)
        grid.addWidget(self._hint, 0, 0, 1, 2)
        for n, months in enumerate(plan.milestone_months()):
            box = LimitedPlainTextEdit(self)
            box.setObjectName(f"milestones_{months}")
            box.setPlainText("\n".join(m.text for m in plan.milestones_at(months)))
            caption = QLabel(self)
            caption.setBuddy(box)
            row, column = 1 + 2 * (n // 2), n % 2
            grid.addWidget(caption, row, column)
            grid.addWidget(box, row + 1, column)
            self.boxes[months] = box
            self._captions[months] = caption
        follow_language(self)

    def retranslate(self) -> None:
        self._hint.setText(
            self.tr("What must be achieved by each month of the plan, one milestone per line.")
        )
        for months, caption in self._captions.items():
            caption.setText(self.tr("%n month(s)", "", months))
            self.boxes[months].setPlaceholderText(self.tr("One milestone per line"))

    def milestones(self) -> tuple[Milestone, ...]:
        return milestones_from(self._plan, {m: lines(box.toPlainText()) for m, box in self.boxes.items()})
