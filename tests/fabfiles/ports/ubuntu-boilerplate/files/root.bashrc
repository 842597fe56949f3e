# root bashrc (stand-in)
PS1="\h# "
