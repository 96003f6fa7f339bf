"""The DPRK–Russia Dossier generator: load → validate → model → render → write."""
