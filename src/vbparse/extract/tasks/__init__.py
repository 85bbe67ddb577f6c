"""Tasks: assembly from the clause tree, roles, task fields, attached documents' tasks."""
