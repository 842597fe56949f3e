set nocompatible
