"""Page weight: what every page sends, kept small without changing what readers see."""
