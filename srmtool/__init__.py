"""srmtool: Strategic Route Map (แผนที่ทางเดินยุทธศาสตร์) and Mini SLM table editor."""

__version__ = "0.1.0"
