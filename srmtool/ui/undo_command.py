"""The one undo command of the map editor: model operations, done and undone through the document.

A command is one undo step: one model operation (often a ``Batch``) and its inverse. The document
applies the operation before it pushes the command, so that a refused edit raises and leaves
nothing on the stack; the command's first ``redo`` (the one ``QUndoStack.push`` makes) is therefore
skipped. Later ``redo`` applies the operation again and ``undo`` its inverse, always through the
document's ``run`` so that every change emits its signal. A cascade (deleting objectives with
their links and rows) is one batch rather than Qt child commands: PySide6 6.11 crashes when it
frees a parent command holding Python children.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtGui import QUndoCommand
from typing_extensions import override

from srmtool.model.changes import Change
from srmtool.model.operations import Batch, Operation, single_operations

#: ``QUndoCommand.id`` of text edits; consecutive edits of one objective's text merge into one step.
TEXT_EDIT_ID = 1


class OperationCommand(QUndoCommand):
    """One undo step: ``forward`` (one operation or a ``Batch``) already applied, and its
    ``inverse``. ``run`` applies an operation with the document's signals and returns its inverse
    (``Document.edit`` hands its own in)."""

    def __init__(
        self,
        run: Callable[[Operation], Operation],
        forward: Operation,
        inverse: Operation,
        text: str,
        merge_key: str | None = None,
    ) -> None:
        super().__init__(text)
        self._run = run
        self._forward = forward
        self._inverse = inverse
        self._merge_key = merge_key
        self._applied = True  # the document applied the step before pushing this command

    @property
    def operations(self) -> list[Operation]:
        """The forward operations of this step, in the order they apply (batches opened up)."""
        return list(single_operations((self._forward,)))

    def redo(self) -> None:
        if self._applied:
            return
        self._inverse = self._run(self._forward)
        self._applied = True

    def undo(self) -> None:
        self._forward = self._run(self._inverse)
        self._applied = False

    def id(self) -> int:
        return TEXT_EDIT_ID if self._merge_key is not None else -1

    @override
    def mergeWith(self, other: QUndoCommand) -> bool:
        """Join a following edit with the same merge key: its change, this step's undo."""
        if not isinstance(other, OperationCommand) or other._merge_key != self._merge_key:
            return False
        if self._merge_key is None or isinstance(self._forward, Batch) or isinstance(other._forward, Batch):
            return False
        self._forward = other._forward
        if self._forward == self._inverse:  # typed back to where it started: nothing left to undo
            self.setObsolete(True)
        return True


class MirrorHook(Protocol):
    """A shared copy of the map that the Document keeps up to date (``srmtool.ui.share``)."""

    def publish(self, changes: Sequence[Change], undoable: bool) -> int:
        """Hand on the records of one applied edit; how many undo steps the mirror took for it
        (0 or 1). ``undoable`` False: a change no one undoes (the save's time stamp)."""
        ...

    def undo(self, steps: int) -> None:
        """Undo this laptop's last ``steps`` steps and bring the map along."""
        ...

    def redo(self, steps: int) -> None: ...


class SharedCommand(QUndoCommand):
    """One undo step of a shared map: the edit is already applied and published; undo and redo
    are the mirror's, which undoes only this laptop's own changes (Ctrl+Z never takes back a
    neighbour's work). Consecutive text edits with one merge key merge, adding their steps."""

    def __init__(self, mirror: MirrorHook, steps: int, text: str, merge_key: str | None = None) -> None:
        super().__init__(text)
        self._mirror = mirror
        self.steps = steps
        self._merge_key = merge_key
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            return
        self._mirror.redo(self.steps)
        self._applied = True

    def undo(self) -> None:
        self._mirror.undo(self.steps)
        self._applied = False

    def id(self) -> int:
        return TEXT_EDIT_ID if self._merge_key is not None else -1

    @override
    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SharedCommand) or self._merge_key is None:
            return False
        if other._merge_key != self._merge_key:
            return False
        self.steps += other.steps
        return True
