# system-wide bashrc (stand-in)
export EDITOR=vim
