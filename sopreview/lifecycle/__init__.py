"""After the meeting: apply its decisions to the sops folder (tetapkan), keep the register."""
