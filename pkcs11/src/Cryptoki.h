// Private to the token layer: the Cryptoki declarations (p11-kit's copy of the OASIS header).
#pragma once

#include <p11-kit/pkcs11.h>
