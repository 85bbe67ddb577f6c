"""Agency mentions: the gazetteer, the matcher over it, groups and named bodies."""
