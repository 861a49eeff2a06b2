"""Exports of a route map (Excel, PDF, PNG/SVG): plain functions of the model, no Qt.

Not in this release yet; ``write_xlsx`` and ``write_pdf`` arrive with the export issue.
"""
