"""The Excel export (openpyxl): the table sheet with its title block, and the sheets that follow it.

``srmtool.export.write_xlsx`` is the entry point; the modules here load openpyxl.
"""
