"""The undo texts that name what a step takes ("Delete 2 objectives and 1 link")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from srmtool.model import edits


def delete_text(summary: edits.DeleteSummary) -> str:
    """Names what a delete takes, as the user chose it: the objectives (by code) and the links asked
    for that do not go anyway with their objectives ("Delete 2 objectives and 1 link")."""
    translate = QCoreApplication.translate
    codes, links = summary.objectives, summary.links
    if len(codes) == 1 and not links:
        return translate("Document", "Delete objective {code}").format(code=codes[0])
    if len(links) == 1 and not codes:
        source, target = links[0]
        return translate("Document", "Delete link {source} → {target}").format(source=source, target=target)
    n_objectives, n_links = len(codes), len(links)  # lupdate skips a count written as len(…)
    objectives = (
        translate("Document", "1 objective")
        if n_objectives == 1
        else translate("Document", "%n objectives", None, n_objectives)
    )
    arrows = (
        translate("Document", "1 link") if n_links == 1 else translate("Document", "%n links", None, n_links)
    )
    if not links:
        return translate("Document", "Delete {objectives}").format(objectives=objectives)
    if not codes:
        return translate("Document", "Delete {links}").format(links=arrows)
    return translate("Document", "Delete {objectives} and {links}").format(
        objectives=objectives, links=arrows
    )
