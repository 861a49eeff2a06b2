"""Presentation mode (F5, Esc leaves), the key-route walk, dot voting and the countdown timer.

Presenting puts the map full screen with every panel, the toolbar, the menu bar and the status bar
hidden, fits the map and switches the boxes to large bold text (the same box geometry, so nothing
moves: at the fit zoom of a typical 15–40 box map on a 1080p projector that roughly doubles the
text's weight where the normal 14 px would shrink to 10–11 px on screen). The arrow keys walk the
key route from the foundation level up to the people level, left to right within a level; the
objective in hand is highlighted with its routes and its full text is shown large in a caption along
the bottom, which is what the back of the room reads. Leaving puts every bar and panel back exactly
as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QShortcut, QTransform
from PySide6.QtWidgets import QLabel, QWidget
from typing_extensions import override

from srmtool.model.types import PERSPECTIVE_IDS, Objective
from srmtool.ui.presentation import timer
from srmtool.ui.presentation.timer import CountdownOverlay
from srmtool.ui.presentation.tool import PresentTool, change_votes, clear_votes

if TYPE_CHECKING:
    from srmtool.ui.window import MainWindow

__all__ = ["Caption", "Presentation", "change_votes", "clear_votes", "install"]

CAPTION_PX = 30
CAPTION_MARGIN = 10  # pixels between the caption and the bottom of the view
CAPTION_PADDING = 10  # the caption's own padding, above and below its text


@dataclass
class _Saved:
    """What entering presentation mode changed, to put back on leaving."""

    state: Qt.WindowState
    full_screen_checked: bool
    docks: dict[str, bool] = field(default_factory=dict)
    toolbar: bool = True
    menu_bar: bool = True
    status_bar: bool = True
    fitted: bool = True
    transform: QTransform = field(default_factory=QTransform)
    scroll: tuple[int, int] = (0, 0)


class Caption(QLabel):
    """The current key-route objective (code and full text), or a short message, in large type
    along the bottom of the map view."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self.setObjectName("presentation_caption")
        font = QFont(self.font())
        font.setPixelSize(CAPTION_PX)
        font.setBold(True)
        self.setFont(font)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet(
            "QLabel#presentation_caption { background: rgba(20, 40, 60, 225); color: white;"
            f" border-radius: 12px; padding: {CAPTION_PADDING}px 22px; }}"
        )
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.installEventFilter(self)
        self.hide()
        self.retranslate()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.show()
        self.raise_()
        self.place()
        # QLabel repaints only its contents rect on a new text; Thai marks above the first line and
        # below the last reach into the padding, and the old text's would stay there on screen.
        self.update()

    def retranslate(self) -> None:
        """The caption's text comes from the map or from its controller (which sets it again)."""

    def reserved_height(self) -> int:
        """Room to keep free below the map for a one-line caption."""
        return QFontMetrics(self.font()).lineSpacing() + 2 * CAPTION_PADDING + 2 * CAPTION_MARGIN

    def place(self) -> None:
        view = self.parentWidget()
        if view is None:
            return
        width = int(view.width() * 0.86)
        self.setFixedWidth(width)
        self.setFixedHeight(self.heightForWidth(width))
        self.move((view.width() - width) // 2, view.height() - self.height() - CAPTION_MARGIN)

    @override
    def eventFilter(self, watched: object, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
        return False


class Presentation(QObject):
    """Presentation mode, dot voting and the countdown of one main window (``install`` makes it)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.tool = PresentTool(window.scene, window.select_tool, self._on_key)
        self.caption = Caption(window.view)
        self.countdown = CountdownOverlay(window.view)
        self._saved: _Saved | None = None
        self._step: int | None = None  # index into key_route() of the objective in hand
        self._message = ""  # "caption shows a message": re-set on a language change
        self._leave_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self._leave_key.setContext(Qt.ShortcutContext.WindowShortcut)
        self._leave_key.setEnabled(False)  # Esc means other things when not presenting
        self._leave_key.activated.connect(self.leave)
        window.view.installEventFilter(self)

        a = window.named_actions
        a["presentation"].setCheckable(True)
        a["voting"].setCheckable(True)
        a["presentation"].triggered.connect(self.set_presenting)
        a["voting"].triggered.connect(self.set_voting)
        a["clear_votes"].triggered.connect(self.clear_votes)
        a["timer"].triggered.connect(self.toggle_timer)
        window.document.reset.connect(self._on_reset)
        window.selection.changed.connect(self._on_selection_changed)
        # Their shortcuts must work with the menu bar and the toolbar hidden: an action's shortcut
        # is live only while a visible widget holds it.
        for name in ("presentation", "timer", "voting", "clear_votes", "undo", "redo"):
            window.addAction(a[name])

    # -- presentation mode ----------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self._saved is not None

    @Slot(bool)
    def set_presenting(self, on: bool) -> None:
        self.enter() if on else self.leave()

    def toggle(self) -> None:
        self.set_presenting(not self.active)

    def enter(self) -> None:
        w = self._window
        if self._saved is not None:
            return
        view = w.view
        self._saved = _Saved(
            state=w.windowState(),
            full_screen_checked=w.named_actions["full_screen"].isChecked(),
            docks={name: dock.isVisible() for name, dock in w.docks.items()},
            toolbar=w.toolbar.isVisible(),
            menu_bar=w.menuBar().isVisible(),
            status_bar=w.statusBar().isVisible(),
            fitted=view.fitted,
            transform=view.transform(),
            scroll=(view.horizontalScrollBar().value(), view.verticalScrollBar().value()),
        )
        for dock in w.docks.values():
            dock.hide()
        w.toolbar.hide()
        w.menuBar().hide()
        w.statusBar().hide()
        w.scene.clearSelection()
        w.scene.selected_band = None
        w.scene.set_presenting(True)
        self.tool.presenting = True
        w.scene.set_tool(self.tool)
        self._step = None
        self._leave_key.setEnabled(True)
        w.named_actions["presentation"].setChecked(True)
        view.setViewportMargins(0, 0, 0, self.caption.reserved_height())  # the caption goes there
        w.showFullScreen()
        view.fit()  # and again once the window has its full-screen size (the view stays fitted)
        view.setFocus()

    def leave(self) -> None:
        w, saved = self._window, self._saved
        if saved is None:
            return
        self._saved = None
        self._leave_key.setEnabled(False)
        self.tool.presenting = False
        w.scene.set_tool(self.tool if self.tool.voting else w.select_tool)
        w.scene.set_presenting(False)
        w.scene.clearSelection()
        self.caption.hide()
        self._step = None
        w.setWindowState(saved.state)
        w.named_actions["full_screen"].setChecked(saved.full_screen_checked)
        w.menuBar().setVisible(saved.menu_bar)
        w.toolbar.setVisible(saved.toolbar)
        w.statusBar().setVisible(saved.status_bar)
        for name, visible in saved.docks.items():
            if name in w.docks:
                w.docks[name].setVisible(visible)
        w.named_actions["presentation"].setChecked(False)
        view = w.view
        view.setViewportMargins(0, 0, 0, 0)
        if saved.fitted:
            view.fit()
        else:
            view.setTransform(saved.transform)
            view.horizontalScrollBar().setValue(saved.scroll[0])
            view.verticalScrollBar().setValue(saved.scroll[1])

    # -- the key route --------------------------------------------------------------------------
    def key_route(self) -> list[str]:
        """Key-route objectives from the foundation level up to the people level, left to right
        within a level (top to bottom where two sit at the same x)."""
        rank = {pid: i for i, pid in enumerate(reversed(PERSPECTIVE_IDS))}
        boxes = self._window.scene.layout().boxes
        chosen = [o for o in self._window.document.route_map.objectives if o.key_route]

        def place(o: Objective) -> tuple[int, float, float]:
            rect = boxes.get(o.id)
            x, y = (rect.x, rect.y) if rect is not None else (o.x, o.y)
            return (rank.get(o.perspective, 0), x, y)

        return [o.id for o in sorted(chosen, key=place)]

    @property
    def current(self) -> str | None:
        """The key-route objective the arrow keys last reached, None before the first step."""
        route = self.key_route()
        return route[self._step] if self._step is not None and self._step < len(route) else None

    def step(self, delta: int) -> str | None:
        """Go ``delta`` objectives along the key route (the first step goes to its start or end)."""
        route = self.key_route()
        if not route:
            self._message = "no_route"
            self._show_message()
            return None
        if self._step is None:
            index = 0 if delta > 0 else len(route) - 1
        else:
            index = min(len(route) - 1, max(0, self._step + delta))
        return self.step_to(index)

    def step_to(self, index: int) -> str | None:
        """Show key-route objective ``index`` (negative counts from the end)."""
        route = self.key_route()
        if not route:
            self._message = "no_route"
            self._show_message()
            return None
        index = index % len(route)
        oid = route[index]
        self._step = index
        scene = self._window.scene
        scene.select_objectives([oid])  # the caption follows the selection
        box = scene.box(oid)
        if box is not None:
            self._window.view.centerOn(box)
        return oid

    def _show_objective(self, oid: str) -> None:
        """The objective's code and whole text (a box may have to cut it short), and where it is
        on the key route if it is on it."""
        objective = self._window.document.route_map.objective(oid)
        if objective is None:
            return
        route = self.key_route()
        self._message = ""
        if oid in route:
            self._step = route.index(oid)
            where = self.tr("Key route {n} of {count}").format(n=self._step + 1, count=len(route))
            self.caption.show_text(f"{where} \u2022 {objective.code}  {objective.text}")
        else:
            self.caption.show_text(f"{objective.code}  {objective.text}")

    @Slot()
    def _on_selection_changed(self) -> None:
        if not self.active:
            return
        objective = self._window.selection.ids.objective
        if objective is not None:
            self._show_objective(objective)
        elif not self._message:
            self.caption.hide()

    def _show_message(self) -> None:
        """The message named by ``_message`` (no key route, voting on or off) in the caption."""
        if self._message == "voting_on":
            text = self.tr("Dot voting: click a box to give it a vote, right-click takes one back (V stops)")
        elif self._message == "voting_off":
            text = self.tr("Dot voting stopped: a click highlights routes again")
        else:
            self._message = "no_route"
            text = self.tr("This map has no key route yet: mark objectives with Map \u2192 Key Route.")
        self.caption.show_text(text)

    def _on_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self.step(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp):
            self.step(-1)
        elif key == Qt.Key.Key_Home:
            self.step_to(0)
        elif key == Qt.Key.Key_End:
            self.step_to(-1)
        elif key == Qt.Key.Key_Escape:
            self.leave()
        elif key == Qt.Key.Key_V and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self._window.named_actions["voting"].trigger()  # the menus are hidden while presenting
        else:
            return False
        return True

    # -- voting and the timer -------------------------------------------------------------------
    @Slot(bool)
    def set_voting(self, on: bool) -> None:
        self.tool.voting = on
        self._window.named_actions["voting"].setChecked(on)
        if self.active:
            self._message = "voting_on" if on else "voting_off"
            self._show_message()
        scene = self._window.scene
        if on and scene.tool is not self.tool:
            scene.clearSelection()
            scene.set_tool(self.tool)
        elif not on and not self.active:
            scene.set_tool(self._window.select_tool)

    @Slot()
    def clear_votes(self) -> bool:
        return clear_votes(self._window.document)

    @Slot()
    def toggle_timer(self) -> None:
        """Stop a countdown that is showing; otherwise ask for minutes and start one."""
        if self.countdown.active:
            self.countdown.stop()
            return
        minutes = timer.ask_minutes(self._window)
        if minutes:
            self.countdown.start(minutes * 60.0)

    # -- Qt -------------------------------------------------------------------------------------
    @override
    def eventFilter(self, watched: object, event: QEvent) -> bool:
        """Space on the map pauses and resumes a showing countdown (unless a box is being edited);
        the view's language change retranslates the caption."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and not event.isAutoRepeat()
            and self.countdown.active
            and not self._window.scene.editing
        ):
            self.countdown.toggle_pause()
            return True
        return False

    def retranslate(self) -> None:
        if not self.caption.isVisible():
            return
        if self._message:
            self._show_message()
        else:
            self._on_selection_changed()

    @Slot()
    def _on_reset(self) -> None:
        self._step = None
        self.caption.hide()


def install(window: MainWindow) -> None:
    """Build presentation mode, dot voting and the countdown, and connect their actions in window."""
    window.presentation = Presentation(window)
