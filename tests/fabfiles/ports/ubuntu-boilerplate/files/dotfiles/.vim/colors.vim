" colours
