from newsmine.cli import main

main()
