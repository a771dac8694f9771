"""Rule files and vocabularies shipped with the package (installed as consistency.rulefiles)."""
