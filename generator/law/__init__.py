"""The law as data: working days, deadlines, multipliers, periods and thresholds, each with its citation."""
