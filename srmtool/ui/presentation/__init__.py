"""Presentation mode (F5): full screen, large text, routes by click, the countdown timer, dot voting."""
