"""Policy Target Tracker (政策目标进度跟踪)."""

__version__ = "0.1.0"
