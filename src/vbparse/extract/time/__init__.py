"""Time: the deadline grammar and its files, calendar arithmetic, date cores, deadlines."""
