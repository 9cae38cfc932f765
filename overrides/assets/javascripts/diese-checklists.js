/* diese-checklists: mounted through document$ */
