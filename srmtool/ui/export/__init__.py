"""The export dialog: Excel, PDF, PNG and SVG with their options, written off the UI thread."""
