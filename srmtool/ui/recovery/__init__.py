"""Autosave to the recovery folder, and the offer to recover a map after a crash."""
