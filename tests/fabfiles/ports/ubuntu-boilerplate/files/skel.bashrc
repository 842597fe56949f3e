# skeleton bashrc (stand-in)
alias ll="ls -l"
