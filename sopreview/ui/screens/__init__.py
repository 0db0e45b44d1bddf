"""Full screens of the meeting app (agenda, proposal, picker, panels)."""
