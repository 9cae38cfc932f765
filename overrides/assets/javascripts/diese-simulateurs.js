/* diese-simulateurs: mounted through document$ */
