"""Bringing existing work in: 11-column tables and action plans from Excel (no Qt)."""
