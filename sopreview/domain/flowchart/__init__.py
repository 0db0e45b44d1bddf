"""The SOP flowchart in characters: ``layout`` plans the grid, ``draw`` and ``route`` paint
symbols and arrows on it, ``html`` turns its pages into a page for the browser. Pure Python."""
