"""Jobs over whole stored reports, above storage and linking: the export object (the command line's
and the dashboard's) and retention (the purge, the daily purge, the rule of every table)."""
