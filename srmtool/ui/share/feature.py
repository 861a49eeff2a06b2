"""File → Share in the Room…, Join a Session…, Leave the Session and Save a Copy…: one window's
part in a session (``srmtool.share``, through ``link.SharedMap``), the Session panel and the
others' selections on the map.

Which network cards a session uses: the host listens on 127.0.0.1 and this machine's local-network
addresses and announces the room there (mDNS); ``SRMTOOL_SHARE_INTERFACES`` (addresses separated
by commas) narrows both, for the room and for the Join dialog's search.
"""

from __future__ import annotations

import getpass
import os
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox

from srmtool.export.thai import with_break_marks
from srmtool.share.discovery import Advertisement, Browser, Found, local_addresses
from srmtool.share.net import new_code
from srmtool.ui.share.dialogs import JoinDialog, NameDialog, ShareDialog
from srmtool.ui.share.link import SharedMap
from srmtool.ui.share.panel import SessionPanel
from srmtool.ui.share.presence import OthersOnMap, colour_for, people

if TYPE_CHECKING:
    from srmtool.ui.window import MainWindow

translate = QCoreApplication.translate
DEFAULT_PORT: Final = 8765
INTERFACES_VARIABLE: Final = "SRMTOOL_SHARE_INTERFACES"


def interfaces() -> list[str] | None:
    """The addresses ``SRMTOOL_SHARE_INTERFACES`` names, or None (all local ones)."""
    value = os.environ.get(INTERFACES_VARIABLE, "").strip()
    return [a.strip() for a in value.split(",") if a.strip()] or None if value else None


class ShareFeature(QObject):
    """``window.share``: the session of one window, if any (``shared``)."""

    _heard = Signal(list)  # from zeroconf's thread: queued to the GUI thread

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.shared: SharedMap | None = None
        self.advertisement: Advertisement | None = None
        self.hosts: list[str] = []
        self.share_dialog: ShareDialog | None = None
        self.join_dialog: JoinDialog | None = None
        self._browser: Browser | None = None
        self._warned_lost = False
        self.others = OthersOnMap(window.scene)
        self.panel = SessionPanel(window)
        self.dock = window.add_dock(
            "session",
            lambda: translate("Share", "Session"),
            self.panel,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.dock.hide()
        self.panel.leave.connect(self.leave)
        self.panel.show_code.connect(self.show_code)
        a = window.named_actions
        a["share_room"].triggered.connect(lambda: self.share())  # not triggered's "checked"
        a["join_session"].triggered.connect(lambda: self.join())
        a["leave_session"].triggered.connect(lambda: self.leave())
        a["save_copy"].triggered.connect(lambda: self.save_copy())
        self._presence = QTimer(self)
        self._presence.setSingleShot(True)
        self._presence.setInterval(120)
        self._presence.timeout.connect(self._send_presence)
        window.selection.changed.connect(self._presence.start)
        window.document.reset.connect(self._on_reset)
        self._heard.connect(self._show_heard)
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.leave)
        self._update_actions()

    # -- the name ------------------------------------------------------------------------------

    @property
    def my_name(self) -> str:
        saved = self.window.settings.value("share/name", "")
        return str(saved) if saved else getpass.getuser()

    def _keep_name(self, name: str) -> None:
        name = " ".join(name.split())
        if name:
            self.window.settings.setValue("share/name", name)

    # -- questions (tests replace these) -----------------------------------------------------

    def ask_name(self) -> str | None:
        dialog = NameDialog(self.window, self.my_name)
        return dialog.name.text() if dialog.exec() == NameDialog.DialogCode.Accepted else None

    def ask_session(self) -> tuple[str, int, str, str] | None:
        """Host, port, code and name to join, or None."""
        dialog = self.join_dialog = JoinDialog(self.window, self.my_name, DEFAULT_PORT)
        self._browse()
        try:
            if dialog.exec() != JoinDialog.DialogCode.Accepted or dialog.chosen is None:
                return None
            chosen = dialog.chosen
            return chosen.host, chosen.port, chosen.code, dialog.name.text()
        finally:
            self._stop_browsing()
            self.join_dialog = None

    def tell(self, title: str, text: str) -> None:
        shown = with_break_marks(text)  # Qt without libthai would break Thai inside words
        box = QMessageBox(
            QMessageBox.Icon.Information, title, shown, QMessageBox.StandardButton.Ok, self.window
        )
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()

    # -- hosting ---------------------------------------------------------------------------------

    def share(self, name: str | None = None, port: int | None = None) -> bool:
        """Open a room for this window's map; whether it opened."""
        if self.shared is not None:
            self.show_code()
            return False
        name = name if name is not None else self.ask_name()
        if name is None:
            return False
        self._keep_name(name)
        hosts = interfaces() or ["127.0.0.1", *local_addresses()]
        shared = SharedMap(self.window.document, self)
        code = new_code()
        try:
            try:
                opened = shared.host(code, hosts, DEFAULT_PORT if port is None else port)
            except OSError:
                opened = shared.host(code, hosts, 0)  # the usual port is taken: any other
        except OSError as exc:
            shared.leave()
            self.tell(
                translate("Share", "Share in the Room"),
                translate("Share", "The room could not be opened: {reason}").format(
                    reason=exc.strerror or exc
                ),
            )
            return False
        self.hosts = hosts
        self._start(shared)
        title = self.window.document.route_map.meta.title or self.window.files.name()
        try:
            self.advertisement = Advertisement(title, opened, hosts)
        except Exception:  # no multicast on this network: the address is typed instead
            self.advertisement = None
        self._show_state()
        self.show_code()
        return True

    @Slot()
    def show_code(self) -> None:
        shared = self.shared
        if shared is None or not shared.is_host:
            return
        if self.share_dialog is None:
            self.share_dialog = ShareDialog(self.window, shared.code, self.hosts, shared.port)
            self.share_dialog.leave.connect(self.leave)
        self.share_dialog.show()
        self.share_dialog.raise_()

    # -- joining ---------------------------------------------------------------------------------

    def join(self, answer: tuple[str, int, str, str] | None = None) -> bool:
        if self.shared is not None:
            return False
        answer = answer if answer is not None else self.ask_session()
        if answer is None or not self.window.files.may_discard():
            return False
        host, port, code, name = answer
        self._keep_name(name)
        shared = SharedMap(self.window.document, self)
        self._start(shared)
        self._joined_at = f"{host}:{port}"
        shared.join(host, port, code)
        self._show_state()
        return True

    def _browse(self) -> None:
        try:
            self._browser = Browser(self._heard.emit, interfaces())
        except Exception:  # no multicast here: the dialog takes a typed address
            self._browser = None

    def _stop_browsing(self) -> None:
        if self._browser is not None:
            self._browser.close()
            self._browser = None

    @Slot(list)
    def _show_heard(self, found: list[Found]) -> None:
        if self.join_dialog is not None:
            self.join_dialog.show_sessions(found)

    # -- the session -----------------------------------------------------------------------------

    def _start(self, shared: SharedMap) -> None:
        self.shared = shared
        self._warned_lost = False
        shared.state_changed.connect(self._on_state)
        shared.presence_changed.connect(self._on_presence)
        self.dock.show()
        self._update_actions()
        self._send_presence()

    @Slot()
    def leave(self) -> None:
        shared, self.shared = self.shared, None
        if shared is None:
            return
        if self.advertisement is not None:
            self.advertisement.close()
            self.advertisement = None
        if self.share_dialog is not None:
            self.share_dialog.close()
            self.share_dialog = None
        shared.leave()
        self.others.show_people([])
        self.dock.hide()
        self._update_actions()
        self.window.status_message(translate("Share", "You left the session; the map stays in this window."))

    @Slot(str, object)
    def _on_state(self, kind: str, payload: object) -> None:
        shared = self.shared
        if shared is None:
            return
        if kind == "connected" and self._warned_lost:
            self.window.status_message(
                translate("Share", "Connected again: your edits and the others' are merged.")
            )
        if kind == "lost" and shared.synced and not self._warned_lost:
            self._warned_lost = True
            self.tell(
                translate("Share", "The host is gone"),
                translate(
                    "Share",
                    "The connection to the host of the session is lost (the host left, or the network"
                    " is down). You still have the whole map and can go on editing: your edits join the"
                    " others' when the host is back. Use File → Save a Copy… to keep the map.",
                ),
            )
        if kind == "refused":
            texts = {
                403: translate(
                    "Share", "The room code is not right, or this laptop is not on the host's network."
                ),
                503: translate("Share", "The room is full."),
                429: translate("Share", "Too many wrong codes: wait a minute, then try again."),
            }
            reason = texts.get(
                payload if isinstance(payload, int) else 0, translate("Share", "The host refused.")
            )
            self.leave()
            self.tell(translate("Share", "Join a Session"), reason)
            return
        self._show_state(kind, payload)

    def _show_state(self, kind: str = "", payload: object = None) -> None:
        shared = self.shared
        if shared is None:
            return
        if shared.is_host:
            count = payload if kind == "count" and isinstance(payload, int) else self._count
            self._count = count
            text = translate("Share", "You are sharing this map. Laptops connected: {count}").format(
                count=count
            )
            self.panel.set_state(text, shared.code, hosting=True)
        elif not shared.synced and kind in ("lost", ""):
            self.panel.set_state(
                translate("Share", "Trying to reach {address}…").format(address=self._joined_at)
            )
        elif kind == "lost":
            self.panel.set_state(translate("Share", "Connection lost; trying again… Your edits are kept."))
        elif shared.synced:
            self.panel.set_state(
                translate("Share", "Editing together with the host at {address}.").format(
                    address=self._joined_at
                )
            )
        else:
            self.panel.set_state(translate("Share", "Joining {address}…").format(address=self._joined_at))
        self._on_presence(shared.presence)

    _count = 0
    _joined_at = ""

    @Slot(object)
    def _on_presence(self, states: dict[int, Any]) -> None:
        others = people(states)
        self.others.show_people(others)
        self.panel.set_people(self.my_name, others)

    @Slot()
    def _send_presence(self) -> None:
        if self.shared is None:
            return
        selection = self.window.selection
        name = self.my_name
        self.shared.set_presence(
            {
                "name": name,
                "color": colour_for(name),
                "objectives": list(selection.objectives)[:500],
                "rows": list(selection.rows)[:500],
            }
        )

    @Slot()
    def _on_reset(self) -> None:
        shared = self.shared
        if (
            shared is not None
            and shared.synced
            and shared.mirror is not None
            and shared.document.route_map is not shared.mirror.route_map
        ):
            self.leave()  # another map was opened in this window: it is not the shared one

    def _update_actions(self) -> None:
        a = self.window.named_actions
        on = self.shared is not None
        a["share_room"].setEnabled(not on or bool(self.shared and self.shared.is_host))
        a["join_session"].setEnabled(not on)
        a["leave_session"].setEnabled(on)

    # -- Save a Copy -----------------------------------------------------------------------------

    def save_copy(self) -> bool:
        from srmtool.model.errors import MapFileError
        from srmtool.model.srmfile.codec import save_map
        from srmtool.ui.files import error_text

        files = self.window.files
        path = files.ask_save_path(
            translate("Share", "Save a Copy"), ".srm", translate("Share", "Route maps (*.srm);;All files (*)")
        )
        if path is None:
            return False
        try:
            save_map(self.window.document.route_map, path)
        except (MapFileError, OSError) as exc:
            files.show_error(translate("Share", "Save a Copy"), error_text(exc, self.window.lang, path))
            return False
        self.window.status_message(translate("Share", "Saved a copy as {path}").format(path=path))
        return True

    # -- closing -----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.window and event.type() == QEvent.Type.Close:
            QTimer.singleShot(0, self, self._after_close)
        return False

    @Slot()
    def _after_close(self) -> None:
        if not self.window.isVisible():
            self.leave()


def install(window: MainWindow) -> None:
    window.share = ShareFeature(window)
