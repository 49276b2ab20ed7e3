print("encours")
