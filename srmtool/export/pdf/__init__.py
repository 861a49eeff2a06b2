"""The PDF export (reportlab): the map page, the table pages, Thai text shaped with HarfBuzz.

``srmtool.export.write_pdf`` is the entry point; the modules here load reportlab, so nothing imports
this package before a PDF is written.
"""
